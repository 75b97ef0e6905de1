/**
 * Messages and node state of the lock labs: Redis servers, lock clients and the storage they
 * write to. Everything is plain data with a `type` or `op`, so it is JSON and travels between
 * workers as is.
 */
import type { NodeId } from '../../sim/node';

/** The one lock every client of a lab contends for. */
export const LOCK_KEY = 'L';

/**
 * The Redis commands the lab's clients use. `set` is `SET key value NX PX ms` together with an
 * `INCR` of the key's fencing counter, in one script, so the reply carries the token.
 * `cad` (compare-and-delete) and `cae` (compare-and-extend) are the two Lua scripts of the seed:
 * they act only when the key still holds the caller's value. `cae` extends with `PEXPIRE ms` when
 * `ms` is given and with `EXPIRE seconds` otherwise. `raise` (compare-and-raise, a script of the
 * hardened RedLock) lifts the key's fencing counter to at least `token`, only while the key still
 * holds the caller's value.
 */
export type RedisCommand =
  | { readonly op: 'set'; readonly key: string; readonly value: string; readonly pxMs: number }
  | { readonly op: 'get'; readonly key: string }
  | { readonly op: 'del'; readonly key: string }
  | { readonly op: 'pexpire'; readonly key: string; readonly ms: number }
  | { readonly op: 'expire'; readonly key: string; readonly seconds: number }
  | { readonly op: 'cad'; readonly key: string; readonly value: string }
  | { readonly op: 'cae'; readonly key: string; readonly value: string; readonly ms?: number; readonly seconds?: number }
  | { readonly op: 'raise'; readonly key: string; readonly value: string; readonly token: number };

/** A `set` that won answers its token; one that lost answers null; other commands answer a number or the value. */
export type RedisResult = { readonly token: number } | number | string | null;

export type ClientToRedis = { readonly type: 'cmd'; readonly rid: number; readonly cmd: RedisCommand };
export type RedisToClient = { readonly type: 'reply'; readonly rid: number; readonly result: RedisResult };

/** One write of a holder's work: part `part` of `of`, made under `token` during the client's `hold`-th hold. */
export type WriteMsg = { readonly type: 'write'; readonly token: number; readonly hold: number; readonly part: number; readonly of: number };
export type WriteReply = { readonly type: 'written'; readonly hold: number; readonly part: number; readonly accepted: boolean };

export type LockMessage = ClientToRedis | RedisToClient | WriteMsg | WriteReply;

/** A key's value, who set it, when it expires by the server's own clock (null: never), and the time to live it was last given. */
export type Entry = { readonly value: string; readonly owner: NodeId; readonly expiresAt: number | null; readonly ttlMs: number | null };

export type RedisState = {
  readonly keys: Readonly<Record<string, Entry>>;
  /** Fencing counters by lock key: how many times `set` won on this server (persisted with the keys). */
  readonly counters: Readonly<Record<string, number>>;
};

/** The storage's record of who wrote; `holder` is "client#hold". */
export type StorageState = {
  /** The highest token accepted so far and the hold that wrote with it. */
  readonly lastToken: number | null;
  readonly lastHolder: string | null;
  readonly accepted: number;
  readonly rejected: number;
  /** Accepted writes that fencing would have turned away (with fencing off): a holder writing after a newer token. */
  readonly interleaved: number;
  /** The latest writes, newest last (bounded), for the views. */
  readonly recent: readonly { readonly client: NodeId; readonly token: number; readonly accepted: boolean; readonly interleaved: boolean }[];
};

export type ClientPhase = 'idle' | 'acquiring' | 'retry-wait' | 'holding' | 'thinking';

/** What a request a client sent was for, so its reply finds its place. */
export type Pending = { readonly purpose: 'set' | 'raise' | 'renew' | 'release'; readonly server: NodeId; readonly round: number };

export type ClientState = {
  readonly phase: ClientPhase;
  /** Calls of lockWithRetry so far; each has its own lock object (and, in the article, its own stop channel). */
  readonly cycle: number;
  /** Attempts in this cycle. */
  readonly attempt: number;
  /** Acquisitions so far: the `hold` of its writes. */
  readonly hold: number;
  readonly value: string | null;
  readonly token: number | null;
  /** The current acquisition or renewal round: its number, when it started (local ms) and who said yes. */
  readonly round: number;
  readonly roundStartedAt: number | null;
  readonly granted: Readonly<Record<NodeId, number>>;
  readonly answered: readonly NodeId[];
  /**
   * Hardened RedLock, once a majority said yes: the servers that raised their counter to the
   * round's token (null before that stage, and outside RedLock).
   */
  readonly raised: readonly NodeId[] | null;
  /** Hardened: the local time until which the lock is safely held (validity time); null otherwise. */
  readonly leaseUntil: number | null;
  /** Hardened: the renewal round in flight, if any. */
  readonly renewing: { readonly round: number; readonly sentAt: number; readonly ok: readonly NodeId[]; readonly answered: readonly NodeId[] } | null;
  /** Article: servers whose per-instance renewal ticker runs, and whether the last renewal there is unanswered. */
  readonly tickers: Readonly<Record<NodeId, { readonly waiting: boolean }>>;
  /** Article: the RedisLock's stopRenew channels were closed (by an Unlock); closing them again panics. */
  readonly stopClosed: boolean;
  /** Article: why the last Unlock panicked, until the next lockWithRetry call (the page shows it on the node). */
  readonly panic: string | null;
  readonly written: number;
  readonly nextRid: number;
  readonly pending: Readonly<Record<string, Pending>>;
  /** The page's or a scenario's acquire command waiting for the cycle's outcome. */
  readonly opId: string | null;
};
