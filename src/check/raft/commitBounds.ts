import type { Checker } from '../../sim/checker';
import { observedNode } from './raftView';

type State = Record<string, never>;

/** The indexes a node keeps are ordered: applied ≤ committed ≤ stored. */
export const commitBounds: Checker<State> = {
  rule: 'commit-bounds',
  description: 'On every node, lastApplied ≤ commitIndex ≤ the index of its last log entry.',
  init: () => ({}),
  observe(state, event, view) {
    const seen = observedNode(event, view);
    if (seen === null) return { state };
    const { lastApplied, commitIndex, log } = seen.state;
    if (lastApplied >= 0 && lastApplied <= commitIndex && commitIndex <= log.length) return { state };
    return { state, violation: { nodes: [seen.id], detail: `${seen.id} has lastApplied ${lastApplied}, commitIndex ${commitIndex} and ${log.length} log entries` } };
  },
};
