/**
 * The breaker statechart's view model, read from the XState machine definition itself (pure):
 * its states in definition order, the transitions between them with their event and guard, and
 * per state the events it handles without leaving. The live state and counters come from the
 * breaker node's state.
 */
import { breakerMachine, type BreakerNodeState } from '../../protocols/traffic';
import type { NodeFrame } from '../../runtime/frame';
import { stateOf } from '../contract/nodeState';
import type { PictureInput } from '../contract/pictures';

export interface ChartEdge {
  readonly from: string;
  readonly to: string;
  /** "FAILURE [tripsNow]" */
  readonly label: string;
}

export interface BreakerChart {
  readonly states: readonly string[];
  readonly edges: readonly ChartEdge[];
  /** Events a state handles in place, e.g. "REQUEST", by state. */
  readonly inPlace: Readonly<Record<string, readonly string[]>>;
}

interface TransitionLike {
  readonly target?: readonly { readonly key: string }[] | undefined;
  readonly guard?: unknown;
}

interface StateNodeLike {
  readonly key: string;
  readonly transitions: ReadonlyMap<string, readonly TransitionLike[]>;
}

function guardName(guard: unknown): string {
  if (typeof guard === 'string') return ` [${guard}]`;
  if (typeof guard === 'object' && guard !== null && typeof (guard as { type?: unknown }).type === 'string') return ` [${(guard as { type: string }).type}]`;
  return '';
}

export function breakerChart(variant: string): BreakerChart {
  const machine = breakerMachine(variant);
  const nodes = Object.values(machine.root.states) as unknown as StateNodeLike[];
  const edges: ChartEdge[] = [];
  const inPlace: Record<string, string[]> = {};
  for (const node of nodes) {
    for (const [event, transitions] of node.transitions) {
      for (const t of transitions) {
        const target = t.target?.[0]?.key;
        if (target !== undefined && target !== node.key) {
          edges.push({ from: node.key, to: target, label: `${event}${guardName(t.guard)}` });
          continue;
        }
        const handled = (inPlace[node.key] ??= []);
        if (!handled.includes(event)) handled.push(event);
      }
    }
  }
  return { states: nodes.map((n) => n.key), edges, inPlace };
}

export interface BreakerReading {
  readonly id: string;
  readonly variant: string;
  readonly state: string;
  readonly failures: number;
  readonly successes: number;
  readonly halfOpenCalls: number;
  readonly halfOpenMaxCalls: number;
  readonly maxFailures: number;
  readonly generation: number;
  /** While open: ms until a request may move it to half-open (0 once it may). */
  readonly halfOpenInMs: number | null;
}

export function breakerReading(node: NodeFrame): BreakerReading | null {
  const s = stateOf<BreakerNodeState>(node, 'breaker');
  if (s === null || !('breaker' in s)) return null;
  const c = s.breaker.context;
  return {
    id: node.id,
    variant: s.machine,
    state: s.breaker.state,
    failures: c.failures,
    successes: c.successes,
    halfOpenCalls: c.halfOpenCalls,
    halfOpenMaxCalls: c.halfOpenMaxCalls,
    maxFailures: c.maxFailures,
    generation: c.generation,
    halfOpenInMs: s.breaker.state === 'open' ? Math.max(0, c.openedAt + c.resetTimeoutMs - node.localNow) : null,
  };
}

/** The statechart of the machine the breakers run, and each breaker's live reading. */
export interface BreakerPicture {
  readonly chart: BreakerChart;
  readonly readings: readonly BreakerReading[];
}

/** The chart is read once per variant: the machine definition does not change while a run plays. */
const charts = new Map<string, BreakerChart>();

export function breakerPicture({ frame }: PictureInput): BreakerPicture {
  const readings = frame.nodes.flatMap((n) => breakerReading(n) ?? []);
  const variant = readings[0]?.variant ?? 'hardened';
  let chart = charts.get(variant);
  if (chart === undefined) charts.set(variant, (chart = breakerChart(variant)));
  return { chart, readings };
}

declare module '../contract/pictures' {
  interface PictureModels {
    'breaker-chart': BreakerPicture;
  }
}
