/**
 * From a frame's Paxos or Multi-Paxos nodes to the state table's view model (pure): per acceptor
 * its promise and what it accepted, per proposer (or would-be leader) its phase, ballot and the
 * promises and accepts gathered against the quorum, and what is chosen by the agreement
 * checker's rule (learned, or accepted by a majority in one ballot), with any slot that has two.
 */
import { choicesOf, type Sighting } from '../../check/paxos/choices';
import type { LeadState, MultiState } from '../../protocols/paxos/multi/types';
import type { PaxosState, ProposerState, Value } from '../../protocols/paxos/types';
import type { NodeFrame } from '../../runtime/frame';
import type { LabDefinition } from '../contract/lab';
import { displayNode } from '../contract/look';
import type { PanelOf } from '../contract/pictures';
import { majority } from '../pictures/logGrid';

/** Promises or accepts gathered, against the quorum; `enough` when that many lets the proposer move on. */
export interface Gathered {
  readonly n: number;
  readonly enough: boolean;
  /** What the count is about, when it is not plain: "slot 4, 2 more in flight". */
  readonly note: string;
}

export interface ProposerRow {
  readonly phase: string;
  /** The article's proposer waits for a reply from every other node: "replied 3 of 4" while a phase runs; '' otherwise. */
  readonly waiting: string;
  readonly ballot: string;
  /** A count, or the text the cell shows instead ("—", "none in flight"). */
  readonly promises: Gathered | string;
  readonly accepts: Gathered | string;
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
}

export interface PaxosModel {
  readonly rows: readonly PaxosRow[];
  readonly quorum: number;
  /** The values chosen for slot 0, learned or accepted by a majority (more than one is a safety violation). */
  readonly chosen: readonly string[];
  /** Every slot with more than one value chosen, and those values. */
  readonly conflicts: readonly { readonly slot: number; readonly values: readonly string[] }[];
  /** Single-decree Paxos (one value, "learned") rather than Multi-Paxos (slot 0 of a log, "applied"). */
  readonly singleDecree: boolean;
  readonly nodeCount: number;
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

const counted = (n: number, quorum: number, note = ''): Gathered => ({ n, enough: n >= quorum, note });

/**
 * A single-decree proposer. The article's moves on only once every other node has replied, so
 * while it waits its count of the phase is not "enough", however large: one silent acceptor
 * stalls it, and the row says how many have replied.
 */
function singleRow(p: ProposerState, quorum: number, peers: number): ProposerRow {
  const waitingFor = p.replied !== null && (p.phase === 'prepare' || p.phase === 'accept') && p.replied.length < peers ? p.phase : null;
  const count = (phase: string, n: number) => ({ n, enough: n >= quorum && waitingFor !== phase, note: '' });
  return {
    phase: p.phase,
    waiting: waitingFor === null ? '' : `replied ${p.replied?.length ?? 0} of ${peers}`,
    ballot: p.ballot ?? '—',
    promises: count('prepare', p.promises.length),
    accepts: count('accept', p.accepts.length),
  };
}

function paxosRow(base: Pick<PaxosRow, 'id' | 'role' | 'down'>, s: PaxosState, quorum: number, peers: number): PaxosRow {
  const a = s.acceptor.accepted['0'];
  const proposer = s.proposer === null ? null : singleRow(s.proposer, quorum, peers);
  const learned = s.learner.chosen === null ? '—' : showValue(s.learner.chosen.value);
  return { ...base, promised: s.acceptor.promised ?? '—', accepted: a === undefined ? '—' : `${a.ballot} = ${showValue(a.value)}`, proposer, learned };
}

/**
 * A leader counts accepts per slot: the oldest slot in flight (the one the log waits for) with
 * its acknowledgements so far; a slot leaves the count once a majority accepted it.
 */
function leaderAccepts(l: LeadState, quorum: number): Gathered | string {
  const slots = Object.keys(l.inflight).map(Number).sort((a, b) => a - b);
  const oldest = slots[0];
  const entry = oldest === undefined ? undefined : l.inflight[oldest];
  if (entry === undefined) return 'none in flight';
  return counted(entry.acks.length, quorum, slots.length === 1 ? `slot ${oldest}` : `slot ${oldest}, ${slots.length - 1} more in flight`);
}

function leadRow(l: LeadState, quorum: number): ProposerRow {
  const base = { phase: l.role, waiting: '', ballot: l.ballot ?? '—' };
  if (l.role === 'leader') return { ...base, promises: counted(l.promises.length, quorum), accepts: leaderAccepts(l, quorum) };
  if (l.role === 'candidate') return { ...base, promises: counted(l.promises.length, quorum), accepts: '—' };
  return { ...base, promises: '—', accepts: '—' };
}

function multiRow(base: Pick<PaxosRow, 'id' | 'role' | 'down'>, s: MultiState, quorum: number): PaxosRow {
  const slots = Object.keys(s.acceptor.accepted).length;
  const proposer = s.lead === null ? null : leadRow(s.lead, quorum);
  const learned = s.log.applied === 0 ? '—' : `0–${s.log.applied - 1}`;
  return { ...base, promised: s.acceptor.promised ?? '—', accepted: slots === 0 ? '—' : `${slots} slot${slots === 1 ? '' : 's'}`, proposer, learned };
}

/** What each node's state says about choices: what its learner learned, then what its acceptor accepted. */
function sightingsOf(node: NodeFrame): Sighting[] {
  const s = node.state;
  if (!isPaxos(s) && !isMulti(s)) return [];
  const learned = isPaxos(s) ? (s.learner.chosen === null ? {} : { 0: s.learner.chosen }) : s.log.chosen;
  const seen = (kind: Sighting['kind'], entries: Readonly<Record<string, { readonly ballot: string; readonly value: Value }>>): Sighting[] =>
    Object.entries(entries).map(([slot, e]) => ({ kind, node: node.id, slot: Number(slot), ballot: e.ballot, value: e.value }));
  return [...seen('chosen', learned), ...seen('accepted', s.acceptor.accepted)];
}

/** Learned values first, so a slot lists what learners know before a later rival choice. */
function choicesBySlot(nodes: readonly NodeFrame[]): ReadonlyMap<number, readonly string[]> {
  const sightings = nodes.flatMap(sightingsOf).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'chosen' ? -1 : 1));
  const out = new Map<number, readonly string[]>();
  for (const [slot, choices] of choicesOf(sightings, nodes.length)) out.set(slot, choices.map((c) => showValue(c.value)));
  return out;
}

export function paxosStateModel(nodes: readonly NodeFrame[], roleOf: (node: NodeFrame) => string, singleDecree: boolean): PaxosModel {
  const quorum = majority(nodes.length);
  const rows = nodes.map((node): PaxosRow => {
    const base = { id: node.id, role: roleOf(node), down: node.status === 'down' };
    if (isPaxos(node.state)) return paxosRow(base, node.state, quorum, nodes.length - 1);
    if (isMulti(node.state)) return multiRow(base, node.state, quorum);
    return { ...base, promised: '—', accepted: '—', proposer: null, learned: '—' };
  });
  const bySlot = choicesBySlot(nodes);
  const conflicts = [...bySlot].filter(([, values]) => values.length > 1).map(([slot, values]) => ({ slot, values })).sort((a, b) => a.slot - b.slot);
  return { rows, quorum, chosen: bySlot.get(0) ?? [], conflicts, singleDecree, nodeCount: nodes.length };
}

/** The state table panel of a Paxos lab, its rows coloured by the lab's own look. */
export function paxosStatePanel(lab: Pick<LabDefinition, 'look'>, singleDecree: boolean): PanelOf<'paxos-state'> {
  return { id: 'paxos-state', title: 'Paxos state', picture: 'paxos-state', model: ({ frame }) => paxosStateModel(frame.nodes, (n) => displayNode(lab, n).role, singleDecree) };
}

declare module '../contract/pictures' {
  interface PictureModels {
    'paxos-state': PaxosModel;
  }
}
