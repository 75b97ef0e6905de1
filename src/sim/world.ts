/**
 * The whole mutable state of a run as one plain-data object. Because it is plain data, a
 * checkpoint is a structuredClone of it and a seek restores one; nothing else in a simulation
 * changes while it runs.
 */
import type { NetworkSettings } from './actions';
import type { NodeStatus } from './checker';
import type { Json, JsonObject } from './json';
import type { NodeId, NodeSpec, PersistedData } from './node';
import { streamState, type RandomState } from './random';

export type Item =
  | { readonly t: number; readonly seq: number; readonly kind: 'start'; readonly node: NodeId; readonly incarnation: number }
  | { readonly t: number; readonly seq: number; readonly kind: 'deliver'; readonly node: NodeId; readonly from: NodeId; readonly msgId: number; readonly sent: number; readonly msg: JsonObject }
  | { readonly t: number; readonly seq: number; readonly kind: 'timer'; readonly node: NodeId; readonly name: string; readonly incarnation: number; readonly generation: number }
  | { readonly t: number; readonly seq: number; readonly kind: 'command'; readonly node: NodeId; readonly opId: string; readonly cmd: JsonObject }
  | { readonly t: number; readonly seq: number; readonly kind: 'resume'; readonly node: NodeId; readonly incarnation: number };

export interface Clock {
  /** Local time = offsetMs + rate × virtual time. */
  offsetMs: number;
  rate: number;
}

export interface NodeRuntime {
  readonly id: NodeId;
  readonly kind: string;
  status: NodeStatus;
  state: Json | undefined;
  persisted: PersistedData;
  /** Bumped on every crash so timers and starts of an earlier life are ignored. */
  incarnation: number;
  /** Live timers by name, each with the generation of its latest setting. */
  timers: Record<string, number>;
  rng: RandomState;
  clock: Clock;
  /** While paused, inputs wait here (in arrival order) until `pausedUntil`. */
  pausedUntil: number | null;
  held: Item[];
  /** The message of the error that crashed this node, if it threw. */
  error: string | null;
}

export interface NetworkState {
  settings: Required<NetworkSettings>;
  /** Directed links that are cut, as "from>to". */
  cut: Record<string, true>;
  /** Extra latency in ms on some directed links, as "from>to" (a `delay` action). */
  delayMs: Record<string, number>;
}

export interface World {
  now: number;
  /** Rules already reported violated; a rule is reported once per run. */
  violatedRules: string[];
  /** Sequence number of the last scheduled item. */
  seq: number;
  /** Trace events written so far; the `seq` of the last one. */
  traceCount: number;
  itemsApplied: number;
  msgCounter: number;
  opCounter: number;
  timerCounter: number;
  queue: Item[];
  order: NodeId[];
  nodes: Record<NodeId, NodeRuntime>;
  network: NetworkState;
  linkRng: Record<string, RandomState>;
  /** Index of the next action to apply. */
  actionIndex: number;
  checkerStates: Json[];
}

export function linkKey(from: NodeId, to: NodeId): string {
  return `${from}>${to}`;
}

export function createWorld(seed: number, nodes: readonly NodeSpec[], network: Required<NetworkSettings>, checkerStates: Json[]): World {
  const world: World = {
    now: 0,
    violatedRules: [],
    seq: 0,
    traceCount: 0,
    itemsApplied: 0,
    msgCounter: 0,
    opCounter: 0,
    timerCounter: 0,
    queue: [],
    order: nodes.map((n) => n.id),
    nodes: {},
    network: { settings: { ...network }, cut: {}, delayMs: {} },
    linkRng: {},
    actionIndex: 0,
    checkerStates,
  };
  for (const spec of nodes) {
    world.nodes[spec.id] = {
      id: spec.id,
      kind: spec.kind,
      status: 'up',
      state: undefined,
      persisted: {},
      incarnation: 0,
      timers: {},
      rng: streamState(seed, `node:${spec.id}`),
      clock: { offsetMs: 0, rate: 1 },
      pausedUntil: null,
      held: [],
      error: null,
    };
  }
  return world;
}

/** Virtual times are kept to whole microseconds so traces stay short and exact. */
export function quantize(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

export function localTime(clock: Clock, t: number): number {
  return quantize(clock.offsetMs + clock.rate * t);
}

/** Distributes Omit over the item union: an item before it gets its sequence number. */
export type Unscheduled = Item extends infer I ? (I extends Item ? Omit<I, 'seq'> : never) : never;
