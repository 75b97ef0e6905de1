/**
 * From a frame's Paxos or Multi-Paxos nodes to the state table's view model (pure): per acceptor
 * its promise and what it accepted, per proposer (or would-be leader) its phase, ballot and the
 * promises and accepts gathered against the quorum, and the chosen value of slot 0.
 */
import type { MultiState } from '../../protocols/paxos/multi/types';
import type { PaxosState, Value } from '../../protocols/paxos/types';
import type { NodeFrame } from '../../runtime/frame';
import { majority } from '../logGrid/layout';

export interface ProposerRow {
  readonly phase: string;
  readonly ballot: string;
  readonly promises: number;
  /** Null where the role gathers no accepts in one count (a Multi-Paxos leader counts per slot). */
  readonly accepts: number | null;
}

export interface PaxosRow {
  readonly id: string;
  readonly role: string;
  readonly down: boolean;
  readonly promised: string;
  /** "1.n1 = A", or for Multi-Paxos the number of slots accepted. */
  readonly accepted: string;
  readonly proposer: ProposerRow | null;
  /** The "Learned" column: the chosen value, or for Multi-Paxos the slots applied. */
  readonly learned: string;
  /** The value this node learned for slot 0, if any. */
  readonly slot0: string | null;
}

export interface PaxosModel {
  readonly rows: readonly PaxosRow[];
  readonly quorum: number;
  /** Distinct values learned for slot 0, by any node (more than one is a safety violation). */
  readonly chosen: readonly string[];
}

/** A value as the table shows it: quoted, or "no-op". */
export function showValue(value: Value): string {
  return value === null ? 'no-op' : `"${value}"`;
}

function isPaxos(state: unknown): state is PaxosState {
  return typeof state === 'object' && state !== null && 'acceptor' in state && 'learner' in state;
}

function isMulti(state: unknown): state is MultiState {
  return typeof state === 'object' && state !== null && 'acceptor' in state && 'log' in state;
}

function paxosRow(base: Pick<PaxosRow, 'id' | 'role' | 'down'>, s: PaxosState): PaxosRow {
  const a = s.acceptor.accepted['0'];
  const p = s.proposer;
  const proposer = p === null ? null : { phase: p.phase, ballot: p.ballot ?? '—', promises: p.promises.length, accepts: p.accepts.length };
  const slot0 = s.learner.chosen === null ? null : showValue(s.learner.chosen.value);
  return { ...base, promised: s.acceptor.promised ?? '—', accepted: a === undefined ? '—' : `${a.ballot} = ${showValue(a.value)}`, proposer, learned: slot0 ?? '—', slot0 };
}

function multiRow(base: Pick<PaxosRow, 'id' | 'role' | 'down'>, s: MultiState): PaxosRow {
  const slots = Object.keys(s.acceptor.accepted).length;
  const l = s.lead;
  const proposer = l === null ? null : { phase: l.role, ballot: l.ballot ?? '—', promises: l.promises.length, accepts: null };
  const first = s.log.chosen['0'];
  const learned = s.log.applied === 0 ? '—' : `slots 0–${s.log.applied - 1}`;
  return { ...base, promised: s.acceptor.promised ?? '—', accepted: slots === 0 ? '—' : `${slots} slot${slots === 1 ? '' : 's'}`, proposer, learned, slot0: first === undefined ? null : showValue(first.value) };
}

export function paxosStateModel(nodes: readonly NodeFrame[], roleOf: (node: NodeFrame) => string): PaxosModel {
  const rows = nodes.map((node): PaxosRow => {
    const base = { id: node.id, role: roleOf(node), down: node.status === 'down' };
    if (isPaxos(node.state)) return paxosRow(base, node.state);
    if (isMulti(node.state)) return multiRow(base, node.state);
    return { ...base, promised: '—', accepted: '—', proposer: null, learned: '—', slot0: null };
  });
  const chosen = [...new Set(rows.flatMap((r) => (r.slot0 === null ? [] : [r.slot0])))];
  return { rows, quorum: majority(nodes.length), chosen };
}
