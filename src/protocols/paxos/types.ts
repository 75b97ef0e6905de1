/**
 * Paxos messages and node state, shared by single-decree Paxos and Multi-Paxos. Everything is a
 * plain `type` so it is JSON and travels between workers as is. Single-decree Paxos decides
 * slot 0 only; Multi-Paxos decides slots 0, 1, 2...
 */
import type { NodeId } from '../../sim/node';
import type { Ballot } from './ballot';

/** A proposed value: a client's string, or null for the no-op a Multi-Paxos leader fills a gap with. */
export type Value = string | null;

export type AcceptedEntry = { readonly slot: number; readonly ballot: Ballot; readonly value: Value };

/** Phase 1a. `slot` is the first slot the proposer asks about (always 0 in single-decree Paxos). */
export type Prepare = { readonly type: 'Prepare'; readonly ballot: Ballot; readonly slot: number };
/** Phase 1b: the acceptor promised `ballot` and reports what it accepted from `slot` on. */
export type PromiseMsg = { readonly type: 'Promise'; readonly ballot: Ballot; readonly accepted: readonly AcceptedEntry[] };
/** Phase 2a. */
export type Accept = { readonly type: 'Accept'; readonly ballot: Ballot; readonly slot: number; readonly value: Value };
/** Phase 2b. */
export type Accepted = { readonly type: 'Accepted'; readonly ballot: Ballot; readonly slot: number };
/**
 * A refusal of the request numbered `ballot`. Hardened acceptors say what they promised, so the
 * proposer jumps past it; the article's reply is a bare "not OK" (seed: `reply.OK`).
 */
export type Nack = { readonly type: 'Nack'; readonly ballot: Ballot; readonly slot: number; readonly promised?: Ballot };
/** A chosen value, told to learners. */
export type Learn = { readonly type: 'Learn'; readonly slot: number; readonly value: Value; readonly ballot: Ballot };
/** Multi-Paxos: the leader's "I still lead", with the number of slots it knows chosen in order. */
export type Heartbeat = { readonly type: 'Heartbeat'; readonly ballot: Ballot; readonly chosenThrough: number };
/** Multi-Paxos: a learner that is behind asks for chosen values from `slot` on. */
export type CatchUp = { readonly type: 'CatchUp'; readonly slot: number };

export type Message = Prepare | PromiseMsg | Accept | Accepted | Nack | Learn | Heartbeat | CatchUp;
export type MessageType = Message['type'];

export type AcceptorState = {
  /** The highest ballot promised (phase 1) or accepted (phase 2); persisted before any reply. */
  readonly promised: Ballot | null;
  /** By slot: the highest-numbered proposal accepted there; persisted before any reply. */
  readonly accepted: Readonly<Record<string, { readonly ballot: Ballot; readonly value: Value }>>;
};

export type Phase = 'idle' | 'prepare' | 'accept' | 'backoff' | 'done';

/** A client operation waiting for the outcome of a proposal. */
export type PendingOp = { readonly opId: string; readonly value: string };

/** A single-decree proposer. */
export type ProposerState = {
  readonly phase: Phase;
  /** Persisted: the highest round this proposer has used. */
  readonly round: number;
  /** The highest round it has seen in a refusal or a rival's prepare (hardened jumps past it). */
  readonly seen: number;
  readonly ballot: Ballot | null;
  /** The client's value this proposer wants chosen. */
  readonly value: Value;
  /** The value of its accept phase: the client's, or the one it adopted. */
  readonly proposal: Value;
  /** The highest-numbered accepted proposal reported in promises this round. */
  readonly best: { readonly ballot: Ballot; readonly value: Value } | null;
  /** Acceptors that promised, then acceptors that accepted, in this round (each counted once). */
  readonly promises: readonly NodeId[];
  readonly accepts: readonly NodeId[];
  /**
   * Article: every peer that answered in the current phase; it waits until all have. Null where
   * the proposer waits for no one in particular (hardened: a majority will do).
   */
  readonly replied: readonly NodeId[] | null;
  /** Failed rounds since the last success, for backoff and the retry bound. */
  readonly attempts: number;
  /** Operations this round answers; the article's lock makes later ones wait in `queue`. */
  readonly ops: readonly PendingOp[];
  readonly queue: readonly PendingOp[];
  /** Article: requests from other nodes waiting for the lock this round holds. */
  readonly locked: readonly { readonly from: NodeId; readonly msg: Message }[];
};

export type LearnerState = {
  /** The value this node learned for slot 0, with the ballot it was chosen in. */
  readonly chosen: { readonly value: Value; readonly ballot: Ballot } | null;
};

export type PaxosState = {
  readonly acceptor: AcceptorState;
  /** Null on nodes that only accept and learn. */
  readonly proposer: ProposerState | null;
  readonly learner: LearnerState;
};

export const TIMER = {
  /** Hardened: the current phase took too long. */
  phase: 'phase',
  /** The backoff before the next round. */
  retry: 'retry',
  /** The built-in client: time to propose again. */
  propose: 'propose',
} as const;
