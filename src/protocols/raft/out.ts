/**
 * One step's work in progress: the node's next state and the effects so far, in order. A step
 * copies the state it is given once, into `o.s`, and the functions of this package write only
 * that copy and append effects: the input state is never changed, so a whole step stays one pure
 * function, without a new state object for every field it sets.
 */
import type { Json } from '../../sim/json';
import type { Effect, NodeId, StepContext } from '../../sim/node';
import { persist as persistValue, sendMessage, setTimer } from '../effects';
import { randomElectionTimeoutMs, rulesOf, type Rules } from './config';
import type { Message, RaftState } from './types';
import { TIMER } from './types';

export { cancelTimer, fact, result, setTimer } from '../effects';

export interface Out {
  s: RaftState;
  readonly fx: Effect[];
  readonly ctx: StepContext;
  readonly rules: Rules;
}

export function outFor(s: RaftState, ctx: StepContext): Out {
  return { s: { ...s }, fx: [], ctx, rules: rulesOf(ctx) };
}

/** Sets fields of the step's own copy of the state (never of the state the step was given). */
export function update(o: Out, change: Partial<RaftState>): void {
  Object.assign(o.s, change);
}

export function send(o: Out, to: NodeId, msg: Message): void {
  sendMessage(o, to, msg);
}

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
  persistValue(o, 'log', o.s.log as unknown as Json);
}
