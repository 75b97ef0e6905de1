/**
 * What the two variants do differently, as named switches, and the timing parameters. The step
 * functions read these and never test the variant's name themselves.
 */
import type { StepContext } from '../../sim/node';
import { numberParam } from '../params';

export interface Rules {
  /** Count votes as they arrive, once per voter, for the current term only. The article waits
   * for every peer to answer or time out, then counts without looking at terms (seed lines 113-128). */
  readonly countVotesPerTerm: boolean;
  /** Step down when a vote reply carries a higher term (the article never looks, line 105-106). */
  readonly checkVoteReplyTerm: boolean;
  /** Persist term and vote when starting an election (the article does not, lines 80-82). */
  readonly persistOwnVote: boolean;
  /** Ask "would you vote for me?" before raising the term (dissertation §9.6). */
  readonly preVote: boolean;
  /** A leader that has not heard from a majority for an election timeout steps down, and a
   * follower that hears from its leader ignores vote requests (dissertation §6.2, §9.6). */
  readonly checkQuorum: boolean;
  /** Rejections carry a conflict hint and the leader jumps nextIndex (the article backs off one
   * per rejection, line 228). */
  readonly fastBacktrack: boolean;
  /** A new leader appends a blank entry of its term, so earlier entries commit promptly. */
  readonly noopOnElection: boolean;
  /** Send new entries at once (the article waits for the next heartbeat, lines 151-169). */
  readonly replicateOnPropose: boolean;
  /** The most entries in one AppendEntries (the article sends the whole suffix, line 191). */
  readonly maxEntriesPerMessage: number;
}

export const ARTICLE: Rules = {
  countVotesPerTerm: false,
  checkVoteReplyTerm: false,
  persistOwnVote: false,
  preVote: false,
  checkQuorum: false,
  fastBacktrack: false,
  noopOnElection: false,
  replicateOnPropose: false,
  maxEntriesPerMessage: Infinity,
};

export const HARDENED: Rules = {
  countVotesPerTerm: true,
  checkVoteReplyTerm: true,
  persistOwnVote: true,
  preVote: true,
  checkQuorum: true,
  fastBacktrack: true,
  noopOnElection: true,
  replicateOnPropose: true,
  maxEntriesPerMessage: 64,
};

export const VARIANTS = ['article', 'hardened'] as const;

export function rulesOf(ctx: StepContext): Rules {
  return ctx.variant === 'article' ? ARTICLE : HARDENED;
}

/** A leader refuses new commands past this many entries: there are no snapshots to trim the log. */
export const MAX_LOG_ENTRIES = 10_000;

export const DEFAULT_TIMING = {
  electionTimeoutMsMin: 150,
  electionTimeoutMsMax: 300,
  heartbeatMs: 50,
  rpcTimeoutMs: 500,
  clientIntervalMs: 200,
} as const;

function param(ctx: StepContext, name: keyof typeof DEFAULT_TIMING): number {
  return numberParam(ctx, name, DEFAULT_TIMING[name]);
}

export function electionTimeoutMinMs(ctx: StepContext): number {
  return param(ctx, 'electionTimeoutMsMin');
}

/** A fresh randomized election timeout; a maximum below the minimum counts as the minimum. */
export function randomElectionTimeoutMs(ctx: StepContext): number {
  const min = param(ctx, 'electionTimeoutMsMin');
  const max = Math.max(min, param(ctx, 'electionTimeoutMsMax'));
  return min + ctx.random() * (max - min);
}

export function heartbeatMs(ctx: StepContext): number {
  return param(ctx, 'heartbeatMs');
}

/** Article: how long a candidate waits for a vote reply before counting it as a "no". */
export function rpcTimeoutMs(ctx: StepContext): number {
  return param(ctx, 'rpcTimeoutMs');
}

/** The built-in client's period at the leader; 0 turns it off. */
export function clientIntervalMs(ctx: StepContext): number {
  return param(ctx, 'clientIntervalMs');
}

/** Votes or replicas needed: more than half of the whole cluster. */
export function quorum(ctx: StepContext): number {
  return Math.floor((ctx.peers.length + 1) / 2) + 1;
}
