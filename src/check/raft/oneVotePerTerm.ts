import type { Checker } from '../../sim/checker';
import { factOf } from '../nodeEvents';
import { num } from './raftView';

type State = { votes: Record<string, string> };

/** §5.2: each node votes for at most one candidate in a term (from the `vote` facts). */
export const oneVotePerTerm: Checker<State> = {
  rule: 'one-vote-per-term',
  description: 'A node votes for at most one candidate in any term, even across a crash and restart.',
  init: () => ({ votes: {} }),
  observe(state, event) {
    const f = factOf(event, 'vote');
    if (f === null || event.type !== 'output') return { state };
    const term = num(f['term']);
    const candidate = String(f['for']);
    const key = `${event.node}:${term}`;
    const before = state.votes[key];
    if (before === undefined) {
      state.votes[key] = candidate;
      return { state };
    }
    if (before === candidate) return { state };
    const nodes = [...new Set([event.node, before, candidate])];
    return { state, violation: { nodes, detail: `${event.node} voted for ${before} and then for ${candidate} in term ${term}` } };
  },
};
