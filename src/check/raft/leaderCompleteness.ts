import type { Checker, CheckView, Observation, Violation } from '../../sim/checker';
import type { TraceEvent } from '../../sim/trace';
import { factOf } from '../nodeEvents';
import { syncTrack, trackOf, type LogTrack } from './logTrack';
import { num, observedNode, raftState } from './raftView';

type Committed = { index: number; chain: number; node: string };
type State = {
  tracks: Record<string, LogTrack>;
  /** By the term in which it was committed: the highest committed index and its chain hash. */
  committed: Record<string, Committed>;
  /** Nodes that lead now, with their term. */
  leaders: Record<string, number>;
};

function holds(track: LogTrack, c: Committed): boolean {
  return track.chains[c.index - 1] === c.chain;
}

function missing(leader: string, term: number, c: Committed, inTerm: string): Violation {
  return { nodes: [leader, c.node], detail: `${leader} leads term ${term} but lacks the entry at index ${c.index} that ${c.node} committed in term ${inTerm}` };
}

/** A new leader must hold every entry committed in an earlier term. */
function onLeader(state: State, node: string, term: number): Observation<State> {
  state.leaders[node] = term;
  const track = trackOf(state.tracks, node);
  for (const [inTerm, c] of Object.entries(state.committed)) {
    if (Number(inTerm) < term && !holds(track, c)) return { state, violation: missing(node, term, c, inTerm) };
  }
  return { state };
}

/** A commit (possibly learned late) must already be in the logs of the leaders of later terms. */
function onCommit(state: State, node: string, index: number, term: number, view: CheckView): Observation<State> {
  const chain = trackOf(state.tracks, node).chains[index - 1];
  if (chain === undefined) return { state };
  const c: Committed = { index, chain, node };
  const before = state.committed[term];
  if (before === undefined || before.index < index) state.committed[term] = c;
  for (const [leader, leaderTerm] of Object.entries(state.leaders)) {
    const s = raftState(view, leader);
    if (leaderTerm <= term || s === null) continue;
    const track = trackOf(state.tracks, leader);
    syncTrack(track, s.log);
    if (!holds(track, c)) return { state, violation: missing(leader, leaderTerm, c, String(term)) };
  }
  return { state };
}

function onFact(state: State, event: TraceEvent & { type: 'output' }, view: CheckView): Observation<State> {
  const leader = factOf(event, 'leader');
  if (leader !== null) return onLeader(state, event.node, num(leader['term']));
  const role = factOf(event, 'role');
  if (role !== null && role['role'] !== 'leader') delete state.leaders[event.node];
  const commit = factOf(event, 'commit');
  if (commit !== null) return onCommit(state, event.node, num(commit['index']), num(commit['term']), view);
  return { state };
}

/** §5.4: an entry committed in a term is in the log of every leader of a later term. */
export const leaderCompleteness: Checker<State> = {
  rule: 'leader-completeness',
  description: 'An entry committed in some term is in the log of the leader of every later term.',
  init: () => ({ tracks: {}, committed: {}, leaders: {} }),
  observe(state, event, view) {
    if (event.type === 'crash') {
      delete state.leaders[event.node];
      return { state };
    }
    const node = observedNode(event, view);
    if (node === null) return { state };
    syncTrack(trackOf(state.tracks, node.id), node.state.log);
    return event.type === 'output' ? onFact(state, event, view) : { state };
  },
};
