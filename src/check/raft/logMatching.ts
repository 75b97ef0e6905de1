import type { Checker } from '../../sim/checker';
import { syncTrack, trackOf, type LogTrack } from './logTrack';
import { observedNode } from './raftView';

type Holder = { chain: number; node: string };
type State = { tracks: Record<string, LogTrack>; seen: Record<string, Holder> };

/**
 * §5.3: two logs holding an entry with the same index and term hold the same entries up to it.
 * Every (index, term) any node ever stored is remembered with the chain hash of its prefix.
 */
export const logMatching: Checker<State> = {
  rule: 'log-matching',
  description: 'If two logs hold an entry with the same index and term, they are identical up to that index.',
  init: () => ({ tracks: {}, seen: {} }),
  observe(state, event, view) {
    const node = observedNode(event, view);
    if (node === null) return { state };
    const track = trackOf(state.tracks, node.id);
    const from = syncTrack(track, node.state.log);
    if (from === 0) return { state };
    for (let index = from; index <= track.terms.length; index++) {
      const key = `${index}:${track.terms[index - 1] as number}`;
      const chain = track.chains[index - 1] as number;
      const before = state.seen[key];
      if (before === undefined) {
        state.seen[key] = { chain, node: node.id };
      } else if (before.chain !== chain) {
        const detail = `${before.node} and ${node.id} both hold an entry of term ${track.terms[index - 1]} at index ${index}, but their logs differ up to it`;
        return { state, violation: { nodes: [before.node, node.id], detail } };
      }
    }
    return { state };
  },
};
