/**
 * The node contract. A node's logic is one pure function, `step(state, input, ctx)`, that returns
 * the next state and a batch of effects. The host (in-process or a Web Worker) runs it; the
 * simulation decides when and with which input. Nothing here reads a clock or draws unseeded random numbers: the
 * node's local time arrives in `ctx.now` and its randomness comes from `ctx.random()`.
 */
import type { Json, JsonObject } from './json';

export type NodeId = string;

/** Data a node wrote with `persist` effects, by key; all a restarted node gets back. */
export type PersistedData = Record<string, Json>;

export type NodeInput =
  /** First input of an incarnation: `persisted` is null on a fresh start, the stored data on restart. */
  | { readonly kind: 'start'; readonly persisted: PersistedData | null }
  | { readonly kind: 'message'; readonly from: NodeId; readonly msg: JsonObject }
  | { readonly kind: 'timer'; readonly name: string }
  /** A client operation handed to this node; answer it with a `result` effect carrying `opId`. */
  | { readonly kind: 'command'; readonly opId: string; readonly cmd: JsonObject };

export type Effect =
  | { readonly kind: 'send'; readonly to: NodeId; readonly msg: JsonObject }
  /** Sets (or re-sets, replacing) the timer called `name` to fire after `delayMs` of local time. */
  | { readonly kind: 'setTimer'; readonly name: string; readonly delayMs: number }
  | { readonly kind: 'cancelTimer'; readonly name: string }
  /** Stores `value` under `key` in the node's durable storage; it survives a crash. */
  | { readonly kind: 'persist'; readonly key: string; readonly value: Json }
  /** A fact for the trace, the checkers and the views (became leader, acquired, rejected...). */
  | { readonly kind: 'output'; readonly fact: JsonObject }
  /** This node, acting as a client, starts an operation (recorded as an `invoke` event). */
  | { readonly kind: 'invoke'; readonly opId: string; readonly op: JsonObject }
  /** The outcome of an operation: `ok` or `fail` in the trace. */
  | { readonly kind: 'result'; readonly opId: string; readonly ok: boolean; readonly value?: Json };

/** What a node may know about itself and the world when it steps. */
export interface StepContext {
  readonly id: NodeId;
  /** Every other node of the run, in the topology's order. */
  readonly peers: readonly NodeId[];
  readonly variant: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** The node's local clock in ms (virtual time, skewed and drifted). */
  readonly now: number;
  /** The node's own seeded stream, a float in [0, 1). */
  random(): number;
}

export type ParamValue = number | string | boolean;

export interface StepOutput<S> {
  readonly state: S;
  readonly effects: readonly Effect[];
}

export type StepFunction<S = Json> = (state: S | undefined, input: NodeInput, ctx: StepContext) => StepOutput<S>;

/** A kind of node: its name and its step function. State must be plain data. */
export interface Protocol<S = Json> {
  readonly kind: string;
  readonly step: StepFunction<S>;
}

/** Static facts about one node, sent once to the host that runs it. */
export interface NodeSpec {
  readonly id: NodeId;
  readonly kind: string;
}
