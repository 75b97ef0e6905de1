/** From a frame's Raft nodes to the log grid's view model (pure). */
import type { RaftState } from '../../protocols/raft/types';
import type { NodeFrame } from '../../runtime/frame';
import type { PictureInput } from '../contract/pictures';
import { holdersByIndex, majority, type GridCell, type GridModel, type GridRow, type LogGridPicture } from '../pictures/logGrid';
import { raftStateOf } from './decoration';

function cellsOf(id: string, state: RaftState, holders: readonly number[], needed: number): Map<number, GridCell> {
  const cells = new Map<number, GridCell>();
  state.log.forEach((entry, i) => {
    const index = i + 1;
    const committed = index <= state.commitIndex;
    const onMajority = (holders[i] ?? 0) >= needed;
    const words = [`${id} index ${index} term ${entry.term}`, committed ? 'committed' : 'not committed'];
    if (!onMajority) words.push('not on a majority');
    if (index <= state.lastApplied) words.push('applied');
    cells.set(index, { index, colorKey: entry.term, text: String(entry.term), committed, onMajority, label: words.join(' ') });
  });
  return cells;
}

export function raftLogModel(nodes: readonly NodeFrame[]): GridModel {
  const states = nodes.map(raftStateOf);
  const logs = states.map((s) => s?.log ?? []);
  const needed = majority(nodes.length);
  const terms = new Set<number>();
  const rows = nodes.map((node, i): GridRow => {
    const state = states[i] ?? null;
    const down = node.status === 'down';
    const role = down ? 'down' : node.status === 'paused' ? `${state?.role ?? 'follower'}, paused` : (state?.role ?? 'follower');
    if (state === null) return { id: node.id, role, leader: false, down, commitIndex: 0, appliedIndex: 0, cells: new Map(), label: `${node.id}, ${role}` };
    for (const e of state.log) terms.add(e.term);
    const leader = !down && state.role === 'leader';
    const cells = cellsOf(node.id, state, holdersByIndex(state.log, logs), needed);
    const label = `${node.id}, ${role}, term ${state.term}, commit ${state.commitIndex}, applied ${state.lastApplied}`;
    return { id: node.id, role, leader, down, commitIndex: state.commitIndex, appliedIndex: state.lastApplied, cells, label };
  });
  const hi = Math.max(0, ...logs.map((l) => l.length));
  return { rows, lo: 1, hi, indexName: 'index', colorName: 'term', colorKeys: [...terms].sort((a, b) => a - b) };
}

export function raftLogPicture({ frame }: PictureInput): LogGridPicture {
  return { grid: raftLogModel(frame.nodes), caption: 'Raft logs: nodes by log index, cells coloured by term', committedWord: 'committed' };
}
