import type { Checker } from '../../sim/checker';
import { syncTrack, trackOf, type LogTrack } from './logTrack';
import { observedNode } from './raftView';

type State = { tracks: Record<string, LogTrack>; leading: Record<string, number> };

/** §5.3: while a node leads a term, its log only grows at the end. */
export const leaderAppendOnly: Checker<State> = {
  rule: 'leader-append-only',
  description: 'A leader never overwrites or deletes entries in its log; it only appends.',
  init: () => ({ tracks: {}, leading: {} }),
  observe(state, event, view) {
    if (event.type === 'crash') {
      delete state.leading[event.node];
      return { state };
    }
    const node = observedNode(event, view);
    if (node === null) return { state };
    const track = trackOf(state.tracks, node.id);
    const oldLength = track.terms.length;
    const from = syncTrack(track, node.state.log);
    const { role, term } = node.state;
    const ledBefore = state.leading[node.id] === term;
    if (role === 'leader') state.leading[node.id] = term;
    else delete state.leading[node.id];
    if (from === 0 || from > oldLength || !ledBefore || role !== 'leader') return { state };
    const detail = `${node.id}, leader of term ${term}, changed its log from index ${from} (it had ${oldLength} entries, now ${node.state.log.length})`;
    return { state, violation: { nodes: [node.id], detail } };
  },
};
