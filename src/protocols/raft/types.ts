/**
 * The Raft node's data: log entries, client commands, messages and the node state. Everything
 * is a plain `type` (not an interface) so it is JSON and can travel between workers as is.
 */
import type { NodeId } from '../../sim/node';

export type Role = 'follower' | 'candidate' | 'leader';

/** A client command as it sits in the log. `id` is the client operation to answer, if any. */
export type Command =
  | { readonly op: 'put'; readonly key: string; readonly value: string; readonly id?: string }
  | { readonly op: 'get'; readonly key: string; readonly id?: string }
  /** The blank entry a hardened leader appends when its term begins (dissertation §6.4). */
  | { readonly op: 'noop' };

/** A log entry; its index is its position in the log, counting from 1. */
export type Entry = { readonly term: number; readonly cmd: Command };

export type RequestVote = { readonly type: 'RequestVote'; readonly term: number; readonly lastLogIndex: number; readonly lastLogTerm: number };
/** `reqTerm` echoes the request's term, so a reply finds the election it answers. */
export type RequestVoteReply = { readonly type: 'RequestVoteReply'; readonly term: number; readonly reqTerm: number; readonly granted: boolean };
/** Hardened only: "would you vote for me in `term`?", asked without changing anyone's term. */
export type PreVote = { readonly type: 'PreVote'; readonly term: number; readonly lastLogIndex: number; readonly lastLogTerm: number };
export type PreVoteReply = { readonly type: 'PreVoteReply'; readonly term: number; readonly reqTerm: number; readonly granted: boolean };
export type AppendEntries = {
  readonly type: 'AppendEntries';
  readonly term: number;
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly entries: readonly Entry[];
  readonly leaderCommit: number;
};
export type AppendEntriesReply = {
  readonly type: 'AppendEntriesReply';
  readonly term: number;
  readonly reqTerm: number;
  readonly success: boolean;
  /** The request's prevLogIndex and number of entries, echoed (the article's closure variables). */
  readonly prevLogIndex: number;
  readonly count: number;
  /** Hardened rejections: where the follower's log stops agreeing (fast backtracking). */
  readonly conflictIndex?: number;
  /** The term of the follower's entry at prevLogIndex; 0 when its log is shorter. */
  readonly conflictTerm?: number;
};

export type Message = RequestVote | RequestVoteReply | PreVote | PreVoteReply | AppendEntries | AppendEntriesReply;
export type MessageType = Message['type'];

/** The article's vote counting: one per election, like the goroutine that drains `voteCh`. */
export type VoteCount = {
  readonly term: number;
  /** Peers whose reply has neither come nor timed out. */
  readonly waiting: readonly NodeId[];
  readonly granted: number;
};

/** Hardened: a pre-vote campaign for `term` (the node's term + 1), before it becomes a candidate. */
export type PreVoteCampaign = { readonly term: number; readonly votes: Readonly<Record<NodeId, boolean>> };

export type RaftState = {
  readonly role: Role;
  /** Persisted: the latest term this node has seen. */
  readonly term: number;
  /** Persisted (in the article, not when it votes for itself): whom it voted for in `term`. */
  readonly votedFor: NodeId | null;
  /** Persisted. Index i is `log[i - 1]`. */
  readonly log: readonly Entry[];
  readonly commitIndex: number;
  readonly lastApplied: number;
  /** The key-value state machine, rebuilt from the log after a restart. */
  readonly kv: Readonly<Record<string, string>>;
  /** The leader of `term` as far as this node knows. */
  readonly leader: NodeId | null;
  /** Local time of the last AppendEntries from the current leader (hardened lease), or null. */
  readonly leaderSeenAt: number | null;
  /** Hardened candidate: each voter's answer in this term, counted once per voter. */
  readonly votes: Readonly<Record<NodeId, boolean>>;
  readonly preVote: PreVoteCampaign | null;
  /** Article candidate: the elections still being counted, newest last. */
  readonly counts: readonly VoteCount[];
  /** Leader only. */
  readonly nextIndex: Readonly<Record<NodeId, number>>;
  readonly matchIndex: Readonly<Record<NodeId, number>>;
  /** Hardened leader: peers heard from since the last CheckQuorum. */
  readonly active: Readonly<Record<NodeId, boolean>>;
  /** Leader: client operations it accepted in this term and will answer once applied. */
  readonly pending: readonly string[];
};

/** Names of the node's timers. */
export const TIMER = {
  election: 'election',
  heartbeat: 'heartbeat',
  checkQuorum: 'checkQuorum',
  client: 'client',
} as const;

/** The article's per-election RPC timeout timer; one per election being counted. */
export function votesTimer(term: number): string {
  return `votes:${term}`;
}
