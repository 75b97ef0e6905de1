/**
 * The Multi-Paxos node's data. Every node is an acceptor and a learner; nodes of kind
 * "proposer" may also lead. Plain `type`s, so the state is JSON.
 */
import type { NodeId } from '../../../sim/node';
import type { Ballot } from '../ballot';
import type { AcceptorState, Value } from '../types';

export type LeadRole = 'follower' | 'candidate' | 'leader';

/** A slot the leader has sent Accepts for and not yet seen chosen. */
export type InFlight = { readonly value: Value; readonly acks: readonly NodeId[]; readonly opId: string | null };

export type LeadState = {
  readonly role: LeadRole;
  /** Persisted: the highest round this node has used. */
  readonly round: number;
  /** The highest round seen in a refusal or a rival's prepare, to jump past. */
  readonly seen: number;
  readonly ballot: Ballot | null;
  /** Candidate: the first slot it asked about (every slot before it is known chosen here). */
  readonly from: number;
  /** Candidate: the promises so far; leader: the majority that made it leader. */
  readonly promises: readonly NodeId[];
  /** Candidate: by slot, the highest-numbered proposal the promises reported. */
  readonly recovered: Readonly<Record<string, { readonly ballot: Ballot; readonly value: Value }>>;
  /** Leader: the next free slot for a client command. */
  readonly nextSlot: number;
  readonly inflight: Readonly<Record<string, InFlight>>;
  /** Leader: commands its built-in client has submitted in this term of leadership. */
  readonly submitted: number;
};

export type LogState = {
  /** By slot: the value this node learned was chosen, and the ballot it was chosen in. */
  readonly chosen: Readonly<Record<string, { readonly value: Value; readonly ballot: Ballot }>>;
  /** Slots 0..applied-1 are applied, in order; `applied` is the first slot not yet known chosen. */
  readonly applied: number;
};

export type MultiState = {
  readonly acceptor: AcceptorState;
  readonly log: LogState;
  /** Null on nodes that never lead. */
  readonly lead: LeadState | null;
  /** The leader this node last heard a heartbeat from, and its ballot. */
  readonly leader: NodeId | null;
  readonly leaderBallot: Ballot | null;
};

export const MTIMER = {
  /** Follower: no heartbeat for a while, so campaign (randomized, which is also the backoff). */
  election: 'election',
  /** Candidate: phase 1 took too long. */
  phase: 'phase',
  /** Leader: heartbeats, and Accepts again for slots not yet chosen. */
  heartbeat: 'heartbeat',
  /** The built-in client, acting at the leader. */
  client: 'client',
} as const;
