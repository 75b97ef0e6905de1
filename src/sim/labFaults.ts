/**
 * Faults a lab asks the fuzzer for on top of the common ones (crashes, short pauses, partitions,
 * a worse network), because they are what break its mechanism: a lock lab wants process pauses
 * longer than its TTL, clock jumps and drift on its servers, and slow links from its clients to
 * the storage. A lab names the nodes or links and the sizes; the plan draws the moments.
 *
 * The episodes draw from their own stream ("faults:lab"), so a lab that declares none gets
 * exactly the plan it had, and one seed still names one plan.
 */
import type { Action } from './actions';
import type { NodeId } from './node';
import { nextBetween, nextFloat, nextInt, streamState, type RandomState } from './random';

export interface LabFaults {
  /** Stop-the-world pauses of these nodes, each lasting a time in [min, max] ms. */
  readonly longPauses?: { readonly nodes: readonly NodeId[]; readonly ms: readonly [number, number] };
  /** A clock jump of up to ± `jumpMs`, or a drift at a rate in [min, max] for a spell, on one of these nodes. */
  readonly clocks?: { readonly nodes: readonly NodeId[]; readonly jumpMs: number; readonly driftRate: readonly [number, number] };
  /** A spell of extra latency in [min, max] ms on one of these links (both ways). */
  readonly slowLinks?: { readonly links: readonly (readonly [NodeId, NodeId])[]; readonly ms: readonly [number, number] };
}

/** Where in the run the episodes go: starts in [fromMs, toMs], each undone (a drift, a slow link) within `spellMs`. */
export interface LabFaultWindow {
  readonly fromMs: number;
  readonly toMs: number;
  readonly spellMs: number;
}

function pick<T>(rng: RandomState, items: readonly T[]): T {
  return items[nextInt(rng, items.length)] as T;
}

const at = (rng: RandomState, w: LabFaultWindow): number => Math.round(nextBetween(rng, w.fromMs, w.toMs));
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function longPauses(rng: RandomState, f: NonNullable<LabFaults['longPauses']>, w: LabFaultWindow, count: number): Action[] {
  if (f.nodes.length === 0) return [];
  return Array.from({ length: count }, (): Action => ({ at: at(rng, w), kind: 'pause', node: pick(rng, f.nodes), ms: Math.round(nextBetween(rng, ...f.ms)) }));
}

/** Half the episodes jump a clock (and leave it there, as a stepped clock stays stepped); half drift it for a spell. */
function clocks(rng: RandomState, f: NonNullable<LabFaults['clocks']>, w: LabFaultWindow, count: number): Action[] {
  if (f.nodes.length === 0) return [];
  return Array.from({ length: count }, (): Action[] => {
    const node = pick(rng, f.nodes);
    const from = at(rng, w);
    if (nextFloat(rng) < 0.5) return [{ at: from, kind: 'skew', node, ms: Math.round(nextBetween(rng, -f.jumpMs, f.jumpMs)) }];
    const until = from + Math.max(1, Math.round(nextBetween(rng, 0.2, 1) * w.spellMs));
    return [
      { at: from, kind: 'drift', node, rate: round3(nextBetween(rng, ...f.driftRate)) },
      { at: until, kind: 'drift', node, rate: 1 },
    ];
  }).flat();
}

function slowLinks(rng: RandomState, f: NonNullable<LabFaults['slowLinks']>, w: LabFaultWindow, count: number): Action[] {
  if (f.links.length === 0) return [];
  return Array.from({ length: count }, (): Action[] => {
    const [from, to] = pick(rng, f.links);
    const start = at(rng, w);
    const end = start + Math.max(1, Math.round(nextBetween(rng, 0.2, 1) * w.spellMs));
    return [
      { at: start, kind: 'delay', from, to, ms: Math.round(nextBetween(rng, ...f.ms)) },
      { at: end, kind: 'delay', from, to, ms: 0 },
    ];
  }).flat();
}

/** `count` episodes of each kind the lab declares, drawn in a fixed order from the lab's own fault stream. */
export function planLabFaults(seed: number, faults: LabFaults, window: LabFaultWindow, count: number): Action[] {
  const rng = streamState(seed, 'faults:lab');
  return [
    ...(faults.longPauses === undefined ? [] : longPauses(rng, faults.longPauses, window, count)),
    ...(faults.clocks === undefined ? [] : clocks(rng, faults.clocks, window, count)),
    ...(faults.slowLinks === undefined ? [] : slowLinks(rng, faults.slowLinks, window, count)),
  ];
}
