import type { Checker } from '../../sim/checker';
import { factOf } from '../nodeEvents';
import { num } from './raftView';

type State = { leaders: Record<string, string> };

/** §5.2: one leader per term, over the whole run (from the `leader` facts). */
export const electionSafety: Checker<State> = {
  rule: 'election-safety',
  description: 'At most one node becomes leader in any term, over the whole run.',
  init: () => ({ leaders: {} }),
  observe(state, event) {
    const f = factOf(event, 'leader');
    if (f === null || event.type !== 'output') return { state };
    const term = String(num(f['term']));
    const before = state.leaders[term];
    if (before === undefined) return { state: { leaders: { ...state.leaders, [term]: event.node } } };
    if (before === event.node) return { state };
    return { state, violation: { nodes: [before, event.node], detail: `${before} and ${event.node} both became leader of term ${term}` } };
  },
};
