/**
 * From a frame's Multi-Paxos nodes to the log grid's view model (pure): rows are nodes, columns
 * slots; a cell is the value the node knows chosen there (solid) or has only accepted (dashed),
 * coloured by the ballot round, hatched while fewer than a majority of acceptors hold it.
 */
import { roundOf } from '../../protocols/paxos/ballot';
import type { MultiState } from '../../protocols/paxos/multi/types';
import type { NodeFrame } from '../../runtime/frame';
import type { LabDefinition } from '../contract/lab';
import { displayNode } from '../contract/look';
import { stateOf } from '../contract/nodeState';
import type { PanelOf } from '../contract/pictures';
import { showValue } from '../paxos/stateModel';
import { majority, type GridCell, type GridModel, type GridRow } from '../pictures/logGrid';

function multiOf(node: NodeFrame): MultiState | null {
  const s = stateOf<MultiState>(node, ['proposer', 'acceptor']);
  return s !== null && 'log' in s && 'acceptor' in s ? s : null;
}

/** What a node holds at a slot: its chosen value, else what its acceptor accepted. */
function held(s: MultiState, slot: string): { value: string; ballot: string; chosen: boolean } | null {
  const c = s.log.chosen[slot];
  if (c !== undefined) return { value: showValue(c.value), ballot: c.ballot, chosen: true };
  const a = s.acceptor.accepted[slot];
  return a === undefined ? null : { value: showValue(a.value), ballot: a.ballot, chosen: false };
}

/** A cell is at most three characters: a no-op shows as "·". */
function short(value: string): string {
  if (value === 'no-op') return '·';
  const bare = value.replace(/^"|"$/g, '');
  return bare.length <= 3 ? bare : `${bare.slice(0, 2)}…`;
}

function rowOf(node: NodeFrame, s: MultiState | null, role: string, holders: ReadonlyMap<string, number>, needed: number): GridRow {
  const down = node.status === 'down';
  const cells = new Map<number, GridCell>();
  if (s === null) return { id: node.id, role, leader: false, down, commitIndex: -1, appliedIndex: -1, cells, label: `${node.id}, ${role}` };
  const slots = new Set([...Object.keys(s.log.chosen), ...Object.keys(s.acceptor.accepted)]);
  for (const slot of slots) {
    const h = held(s, slot);
    if (h === null) continue;
    const index = Number(slot);
    const onMajority = (holders.get(`${slot}|${h.value}`) ?? 0) >= needed;
    const words = [`${node.id} slot ${index} ${h.value} ballot ${h.ballot}`, h.chosen ? 'chosen' : 'accepted, not known chosen'];
    if (!onMajority) words.push('not on a majority');
    cells.set(index, { index, colorKey: roundOf(h.ballot), text: short(h.value), committed: h.chosen, onMajority, label: words.join(' ') });
  }
  const knownChosen = Math.max(-1, ...Object.keys(s.log.chosen).map(Number));
  const label = `${node.id}, ${role}, applied through slot ${s.log.applied - 1}`;
  return { id: node.id, role, leader: !down && s.lead?.role === 'leader', down, commitIndex: knownChosen, appliedIndex: s.log.applied - 1, cells, label };
}

export function slotLogModel(nodes: readonly NodeFrame[], roleOf: (node: NodeFrame) => string): GridModel {
  const states = nodes.map(multiOf);
  // How many nodes hold each (slot, value), chosen or accepted.
  const holders = new Map<string, number>();
  for (const s of states) {
    if (s === null) continue;
    const slots = new Set([...Object.keys(s.log.chosen), ...Object.keys(s.acceptor.accepted)]);
    for (const slot of slots) {
      const h = held(s, slot);
      if (h !== null) holders.set(`${slot}|${h.value}`, (holders.get(`${slot}|${h.value}`) ?? 0) + 1);
    }
  }
  const needed = majority(nodes.length);
  const rows = nodes.map((node, i) => rowOf(node, states[i] ?? null, roleOf(node), holders, needed));
  const rounds = new Set<number>();
  for (const r of rows) for (const c of r.cells.values()) rounds.add(c.colorKey);
  const hi = Math.max(-1, ...rows.flatMap((r) => [...r.cells.keys()]));
  return { rows, lo: 0, hi, indexName: 'slot', colorName: 'ballot round', colorKeys: [...rounds].sort((a, b) => a - b) };
}

/** The slot log panel: the log grid of Raft's log view, over slots and ballot rounds. */
export function slotLogPanel(lab: Pick<LabDefinition, 'look'>): PanelOf<'log-grid'> {
  return {
    id: 'slot-log',
    title: 'Slot log',
    picture: 'log-grid',
    model: ({ frame }) => ({ grid: slotLogModel(frame.nodes, (n) => displayNode(lab, n).role), caption: 'Multi-Paxos slots: nodes by slot, cells coloured by ballot round', committedWord: 'chosen' }),
  };
}
