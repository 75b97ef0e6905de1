/**
 * The etcd lock clients' state (both labs): the holder's cycle and work, its sessions (leases it
 * keeps alive), and the lock attempts in flight. The article's TryLock leaves its Lock running in
 * the background, so a client can have a second attempt (`background`) besides its own.
 */
import type { NodeId } from '../../sim/node';
import type { EtcdRequest } from './types';

/** A lease the client keeps alive. */
export type Session = {
  readonly lease: number;
  readonly ttlMs: number;
  /** Local time at which the keepalive stops (the article's Lock context ends); null: never. */
  readonly until: number | null;
  /**
   * Local time at which the request that last proved the lease alive was sent (the grant or a
   * keepalive answered with a TTL): the lease surely lives until then + TTL.
   */
  readonly provenAt: number;
  /** The lease is gone (keepalive answered "not found") or its keepalive stopped. */
  readonly ended: boolean;
};

export type AttemptStep = 'granting' | 'putting' | 'ranging' | 'watching' | 'checking' | 'held';

/** A request the attempt waits for; sent again after a timeout (a watch: again each keepalive period). */
export type Inflight = { readonly rid: number; readonly req: EtcdRequest };

/** One Lock (or TryLock) call in progress. */
export type Attempt = {
  readonly mode: 'lock' | 'trylock';
  readonly step: AttemptStep;
  readonly lease: number | null;
  /** Local time at which the call's context ends; null: never. */
  readonly deadline: number | null;
  /** The mutex's own key and its create revision (the txn lock: the lock key, once put). */
  readonly key: string | null;
  readonly rev: number | null;
  /** The key it waits to see deleted. */
  readonly behind: string | null;
  readonly behindRev: number | null;
  readonly inflight: Inflight | null;
};

export type Slot = 'main' | 'background';

export type Pending = { readonly purpose: string; readonly slot: Slot | null; readonly lease: number | null; readonly sentAt: number };

export type ClientPhase = 'idle' | 'acquiring' | 'retry-wait' | 'holding' | 'thinking';

export type EtcdClientState = {
  readonly phase: ClientPhase;
  readonly cycle: number;
  readonly attempt: number;
  /** Acquisitions so far: the `hold` of its writes (persisted, so a restarted client never reuses one). */
  readonly hold: number;
  readonly token: number | null;
  /** Txn lock: the value it put. */
  readonly value: string | null;
  readonly written: number;
  readonly sessions: Readonly<Record<string, Session>>;
  readonly main: Attempt | null;
  readonly background: Attempt | null;
  readonly nextRid: number;
  readonly pending: Readonly<Record<string, Pending>>;
  /** The page's or a scenario's acquire or trylock command waiting for its answer. */
  readonly opId: string | null;
  /** The cycle began with TryLock. */
  readonly trying: boolean;
};

export const IDLE_ETCD_CLIENT: EtcdClientState = {
  phase: 'idle',
  cycle: 0,
  attempt: 0,
  hold: 0,
  token: null,
  value: null,
  written: 0,
  sessions: {},
  main: null,
  background: null,
  nextRid: 1,
  pending: {},
  opId: null,
  trying: false,
};

export type { NodeId };
