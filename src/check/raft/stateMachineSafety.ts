import type { Checker } from '../../sim/checker';
import { factOf } from '../nodeEvents';
import { num } from './raftView';

type Applied = { term: number; cmd: string; node: string };
type State = { applied: Record<string, Applied>; last: Record<string, number> };

/**
 * §5.4.3, from the `apply` facts: no two nodes apply different entries at one index, and each
 * node applies indexes in order (from 1 again after a restart, which empties its state machine).
 */
export const stateMachineSafety: Checker<State> = {
  rule: 'state-machine-safety',
  description: 'No two nodes apply different entries at the same index, and each node applies in index order.',
  init: () => ({ applied: {}, last: {} }),
  observe(state, event) {
    if (event.type === 'restart') {
      state.last[event.node] = 0;
      return { state };
    }
    const f = factOf(event, 'apply');
    if (f === null || event.type !== 'output') return { state };
    const node = event.node;
    const index = num(f['index']);
    const entry: Applied = { term: num(f['term']), cmd: String(f['cmd']), node };
    const expected = (state.last[node] ?? 0) + 1;
    state.last[node] = index;
    if (index !== expected) return { state, violation: { nodes: [node], detail: `${node} applied index ${index} where ${expected} came next` } };
    const before = state.applied[index];
    if (before === undefined) {
      state.applied[index] = entry;
      return { state };
    }
    if (before.term === entry.term && before.cmd === entry.cmd) return { state };
    const detail = `at index ${index}, ${before.node} applied "${before.cmd}" (term ${before.term}) and ${node} applied "${entry.cmd}" (term ${entry.term})`;
    return { state, violation: { nodes: [before.node, node], detail } };
  },
};
