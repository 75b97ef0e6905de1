/**
 * `promise-kept`: an acceptor never accepts a proposal numbered below one it promised or
 * accepted before, counting everything it said since the run began, across its restarts.
 */
import type { Checker } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { compareBallots, maxBallot } from '../../protocols/paxos/ballot';
import { ballotIn, factOf, slotIn } from './facts';

export type PromiseState = { readonly highest: Readonly<Record<string, string>>; [key: string]: Json };

export const promiseKeptChecker: Checker<PromiseState> = {
  rule: 'promise-kept',
  description: 'An acceptor never accepts a proposal numbered below a promise it made, not even after a restart.',
  init: () => ({ highest: {} }),
  observe(state, event) {
    const seen = factOf(event, 'promised') ?? factOf(event, 'accepted');
    if (seen === null) return { state };
    const ballot = ballotIn(seen.fact);
    const before = state.highest[seen.node] ?? null;
    const highest = maxBallot(before, ballot);
    const next = highest === before || highest === null ? state : { highest: { ...state.highest, [seen.node]: highest } };
    if (seen.fact['kind'] !== 'accepted' || compareBallots(ballot, before) >= 0) return { state: next };
    return { state: next, violation: { nodes: [seen.node], detail: `${seen.node} accepted ${ballot ?? '?'} in slot ${slotIn(seen.fact)} after promising ${before ?? '?'}` } };
  },
};
