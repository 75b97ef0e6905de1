/**
 * Building one step's effects, for every protocol: a step collects them in order in `o.fx`. A
 * protocol's sends carry its own message type and its persists its own keys and values, so the
 * compiler checks both; define.ts hands them to the host as plain `Effect`s. The effect shapes
 * themselves are written only here and in src/sim/node.ts.
 */
import type { Json, JsonObject, ReadonlyJson, ReadonlyJsonObject } from '../sim/json';
import type { Effect, NodeId } from '../sim/node';

/** What a protocol persists, by key: all a restarted node gets back. */
export type Persisted = { readonly [key: string]: ReadonlyJson };

/** Nothing persisted: the type of a protocol that keeps nothing across a crash. */
export type NothingPersisted = Record<never, never>;

/** An effect as a protocol builds it: a send of one of its messages `M`, a persist of one of its keys of `P`. */
export type StepEffect<M, P> =
  | Exclude<Effect, { kind: 'send' | 'persist' }>
  | { readonly kind: 'send'; readonly to: NodeId; readonly msg: M }
  | { readonly kind: 'persist'; readonly key: keyof P & string; readonly value: P[keyof P & string] };

/** Anything a step appends its effects to. */
export interface Effects<M, P> {
  readonly fx: StepEffect<M, P>[];
}

/** The effects of any step, whatever it sends and persists: for the builders that do neither. */
type AnyEffects = Effects<unknown, Persisted>;

/** Sends `msg`, one of the protocol's own messages, to `to`. */
export function send<M extends ReadonlyJsonObject>(o: Effects<M, Persisted>, to: NodeId, msg: NoInfer<M>): void {
  o.fx.push({ kind: 'send', to, msg });
}

/** Writes `value` under `key` to the node's durable storage. */
export function persist<P extends Persisted, K extends keyof P & string>(o: Effects<unknown, P>, key: K, value: NoInfer<P[K]>): void {
  o.fx.push({ kind: 'persist', key, value });
}

/** A fact for the trace, the checkers and the views; each lab documents its facts in docs/trace-format.md. */
export function fact(o: AnyEffects, body: JsonObject): void {
  o.fx.push({ kind: 'output', fact: body });
}

/** Sets (or re-sets) the named timer, `delayMs` of local time from now (the kernel runs a negative one at once). */
export function setTimer(o: AnyEffects, name: string, delayMs: number): void {
  o.fx.push({ kind: 'setTimer', name, delayMs });
}

export function cancelTimer(o: AnyEffects, name: string): void {
  o.fx.push({ kind: 'cancelTimer', name });
}

/** The outcome of a client operation this node was handed (an `ok` or `fail` in the trace). */
export function result(o: AnyEffects, opId: string, ok: boolean, value?: Json): void {
  o.fx.push(value === undefined ? { kind: 'result', opId, ok } : { kind: 'result', opId, ok, value });
}

/** This node, acting as a client, starts an operation (an `invoke` in the trace); answer it with `result`. */
export function invoke(o: AnyEffects, opId: string, op: JsonObject): void {
  o.fx.push({ kind: 'invoke', opId, op });
}
