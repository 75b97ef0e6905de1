/**
 * What every part of the Raft node shares in a step: the step in progress (`o`, see
 * ../define.ts), the messages it sends, what it persists and its election timer.
 */
import type { NodeId } from '../../sim/node';
import type { Step } from '../define';
import { persist as persistValue, setTimer } from '../effects';
import { randomElectionTimeoutMs, type Rules } from './config';
import type { Entry, Message, RaftState } from './types';
import { TIMER } from './types';

export { update } from '../define';
export { cancelTimer, fact, result, send, setTimer } from '../effects';

/** What a Raft node keeps across a crash: its term, its vote in that term and its log. */
export type RaftPersisted = { readonly term: number; readonly votedFor: NodeId | null; readonly log: readonly Entry[] };

export type Out = Step<RaftState, Message, RaftPersisted, Rules>;

export function resetElectionTimer(o: Out): void {
  setTimer(o, TIMER.election, randomElectionTimeoutMs(o.ctx));
}

/**
 * Writes term, vote and log to durable storage, all three at once (like the article's
 * `rf.persist()`). Callers put this before the sends and replies that depend on it.
 */
export function persist(o: Out): void {
  persistValue(o, 'term', o.s.term);
  persistValue(o, 'votedFor', o.s.votedFor);
  persistValue(o, 'log', o.s.log);
}
