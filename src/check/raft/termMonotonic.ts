import type { Checker } from '../../sim/checker';
import { observedNode } from './raftView';

type State = { terms: Record<string, number>; restarted: Record<string, boolean> };

/** Terms only grow; the persisted term is what keeps that true across a restart. */
export const termMonotonic: Checker<State> = {
  rule: 'term-monotonic',
  description: "A node's term never goes down, not even across a crash and restart.",
  init: () => ({ terms: {}, restarted: {} }),
  observe(state, event, view) {
    if (event.type === 'restart') {
      state.restarted[event.node] = true;
      return { state };
    }
    const seen = observedNode(event, view);
    if (seen === null) return { state };
    const before = state.terms[seen.id];
    const term = seen.state.term;
    if (before === undefined || term > before) {
      state.terms[seen.id] = term;
      return { state };
    }
    if (term === before) return { state };
    const when = state.restarted[seen.id] === true ? ' (it restarted since)' : '';
    return { state, violation: { nodes: [seen.id], detail: `${seen.id} is at term ${term} after being at term ${before}${when}` } };
  },
};
