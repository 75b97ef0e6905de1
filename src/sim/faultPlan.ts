/**
 * Random fault plans for fuzzing. Given a seed, the nodes, the length of the run and an
 * intensity, it returns the actions a fuzzer adds to the run: crashes (each with its restart),
 * pauses, partitions (each with its heal) and spells of a worse network (each with its end), and
 * when heavy the faults the lab itself asks for (src/sim/labFaults.ts).
 *
 * The plan is pure: it draws only from the run's "faults" stream, so one seed names one plan,
 * and no node's or link's numbers move when the plan changes. The plan ends up in the trace
 * header with the other actions, so a replay never needs to regenerate it.
 */
import type { Action, NetworkSettings } from './actions';
import { sortActions } from './actions';
import { planLabFaults, type LabFaults } from './labFaults';
import type { NodeId } from './node';
import { nextBetween, nextFloat, nextInt, streamState, type RandomState } from './random';

export type FaultIntensity = 'none' | 'light' | 'heavy';
export const FAULT_INTENSITIES: readonly FaultIntensity[] = ['none', 'light', 'heavy'];

export interface FaultPlanInput {
  readonly seed: number;
  readonly nodes: readonly NodeId[];
  readonly untilMs: number;
  readonly intensity: FaultIntensity;
  /** The network the run starts with: a spell of bad network ends by going back to it. */
  readonly network: Required<NetworkSettings>;
  /** The faults the lab asks for on top of the common ones (`LabDefinition.faults`); absent: none. */
  readonly labFaults?: LabFaults | undefined;
}

interface Profile {
  /** Episodes of each kind per 5 s of run (at least one each when the rate is above zero). */
  readonly crashes: number;
  readonly pauses: number;
  readonly partitions: number;
  readonly degradations: number;
  /** Only whole-node isolation, or also splits into two groups. */
  readonly splits: boolean;
  readonly lossRate: readonly [number, number];
  readonly duplicateRate: readonly [number, number];
  /** The latency ceiling is multiplied by a factor in [1, this]. */
  readonly latencyFactorMax: number;
  /** Episodes of each kind the lab asks for, per 5 s of run. */
  readonly labEpisodes: number;
}

/** Light: the network misbehaves a little and a node stalls; no node loses its memory. */
const LIGHT: Profile = { crashes: 0, pauses: 1, partitions: 1, degradations: 1, splits: false, lossRate: [0.01, 0.05], duplicateRate: [0, 0.02], latencyFactorMax: 2, labEpisodes: 0 };
/** Heavy: every kind of fault, several times, with a lossy, duplicating, slow network, and the lab's own faults. */
const HEAVY: Profile = { crashes: 2, pauses: 2, partitions: 1, degradations: 1, splits: true, lossRate: [0.05, 0.3], duplicateRate: [0.05, 0.3], latencyFactorMax: 4, labEpisodes: 2 };

/** Below this length a run has no room to inject a fault and undo it, so it gets none. */
export const MIN_FAULT_RUN_MS = 100;
/** A bound on the plan's size, whatever the run's length. */
const MAX_EPISODES_PER_KIND = 20;
/** Faults start after this share of the run and are undone before `END_SHARE`. */
const START_SHARE = 0.05;
const END_SHARE = 0.9;

export function faultPlan(input: FaultPlanInput): Action[] {
  const profile = input.intensity === 'heavy' ? HEAVY : input.intensity === 'light' ? LIGHT : null;
  if (profile === null || input.untilMs < MIN_FAULT_RUN_MS || input.nodes.length === 0) return [];
  const rng = streamState(input.seed, 'faults');
  const scale = Math.max(1, Math.round(input.untilMs / 5000));
  const count = (perFiveSeconds: number): number => Math.min(MAX_EPISODES_PER_KIND, perFiveSeconds * scale);
  // Each kind draws in a fixed order from the one stream, so the plan is a function of the seed.
  return sortActions([
    ...planCrashes(rng, input, count(profile.crashes)),
    ...planPauses(rng, input, count(profile.pauses)),
    ...planPartitions(rng, input, count(profile.partitions), profile.splits),
    ...planDegradations(rng, input, count(profile.degradations), profile),
    ...planLabEpisodes(input, count(profile.labEpisodes)),
  ]);
}

/** The lab's own faults start where crashes do, and each is undone (or over) by 90 % into the run. */
function planLabEpisodes(input: FaultPlanInput, count: number): Action[] {
  if (input.labFaults === undefined || count === 0) return [];
  const u = input.untilMs;
  return planLabFaults(input.seed, input.labFaults, { fromMs: START_SHARE * u, toMs: 0.8 * u, spellMs: 0.1 * u }, count);
}

interface Outage {
  readonly node: NodeId;
  readonly fromMs: number;
  readonly toMs: number;
}

function pick<T>(rng: RandomState, items: readonly T[]): T {
  return items[nextInt(rng, items.length)] as T;
}

function overlaps(a: Outage, fromMs: number, toMs: number): boolean {
  return a.fromMs <= toMs && fromMs <= a.toMs;
}

/**
 * Crashes, each followed by a restart well before the run ends (at most 90 % into it), so every
 * node is back for the last part of the run. At most a minority of the nodes is down at any
 * moment (one, for one or two nodes), so a lab that needs a quorum can still make progress; a
 * crash that cannot be placed that way after a few tries is left out.
 */
function planCrashes(rng: RandomState, input: FaultPlanInput, count: number): Action[] {
  const u = input.untilMs;
  const maxDown = Math.max(1, Math.floor((input.nodes.length - 1) / 2));
  const outages: Outage[] = [];
  for (let i = 0; i < count; i++) {
    for (let attempt = 0; attempt < 8; attempt++) {
      const node = pick(rng, input.nodes);
      const fromMs = Math.round(nextBetween(rng, START_SHARE * u, 0.8 * u));
      const toMs = fromMs + Math.max(1, Math.round(nextBetween(rng, 0.02 * u, 0.1 * u)));
      const concurrent = outages.filter((o) => overlaps(o, fromMs, toMs));
      if (concurrent.length >= maxDown || concurrent.some((o) => o.node === node)) continue;
      outages.push({ node, fromMs, toMs });
      break;
    }
  }
  return outages.flatMap((o): Action[] => [
    { at: o.fromMs, kind: 'crash', node: o.node },
    { at: o.toMs, kind: 'restart', node: o.node },
  ]);
}

/** Stop-the-world pauses: the node's inputs wait while its clock runs on. */
function planPauses(rng: RandomState, input: FaultPlanInput, count: number): Action[] {
  const u = input.untilMs;
  return Array.from({ length: count }, (): Action => {
    const node = pick(rng, input.nodes);
    const at = Math.round(nextBetween(rng, START_SHARE * u, END_SHARE * u));
    const ms = Math.max(1, Math.round(nextBetween(rng, 0.01 * u, 0.05 * u)));
    return { at, kind: 'pause', node, ms };
  });
}

/**
 * The run's fault window cut into `count` equal slots; an episode starts in the first half of
 * its slot and ends inside it, so episodes of one kind never overlap (a heal-all ends exactly one
 * partition, a network reset exactly one spell).
 */
function slots(rng: RandomState, untilMs: number, count: number): { fromMs: number; toMs: number }[] {
  const start = START_SHARE * untilMs;
  const length = ((END_SHARE - START_SHARE) * untilMs) / Math.max(1, count);
  return Array.from({ length: count }, (_, i) => {
    const fromMs = Math.round(start + i * length + nextFloat(rng) * 0.5 * length);
    const toMs = Math.max(fromMs + 1, Math.round(fromMs + (0.2 + 0.3 * nextFloat(rng)) * length));
    return { fromMs, toMs };
  });
}

function shuffled(rng: RandomState, items: readonly NodeId[]): NodeId[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = nextInt(rng, i + 1);
    [out[i], out[j]] = [out[j] as NodeId, out[i] as NodeId];
  }
  return out;
}

/** Partitions need two nodes; with three or more, half of them split the cluster in two groups. */
function planPartitions(rng: RandomState, input: FaultPlanInput, count: number, splits: boolean): Action[] {
  if (input.nodes.length < 2) return [];
  return slots(rng, input.untilMs, count).flatMap(({ fromMs, toMs }): Action[] => {
    const heal: Action = { at: toMs, kind: 'healAll' };
    if (splits && input.nodes.length >= 3 && nextFloat(rng) < 0.5) {
      const order = shuffled(rng, input.nodes);
      const minority = 1 + nextInt(rng, Math.floor(order.length / 2));
      return [{ at: fromMs, kind: 'split', groups: [order.slice(0, minority), order.slice(minority)] }, heal];
    }
    return [{ at: fromMs, kind: 'isolate', node: pick(rng, input.nodes) }, heal];
  });
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Spells of loss, duplication and higher latency, each ending with the run's own network. */
function planDegradations(rng: RandomState, input: FaultPlanInput, count: number, profile: Profile): Action[] {
  const base = input.network;
  return slots(rng, input.untilMs, count).flatMap(({ fromMs, toMs }): Action[] => {
    const settings: Required<NetworkSettings> = {
      latencyMsMin: base.latencyMsMin,
      latencyMsMax: Math.min(60_000, round3(base.latencyMsMax * nextBetween(rng, 1, profile.latencyFactorMax))),
      lossRate: round3(nextBetween(rng, ...profile.lossRate)),
      duplicateRate: round3(nextBetween(rng, ...profile.duplicateRate)),
    };
    return [
      { at: fromMs, kind: 'network', settings },
      { at: toMs, kind: 'network', settings: { ...base } },
    ];
  });
}
