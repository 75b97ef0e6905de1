/**
 * Building one step's effects, for every protocol: a step collects them in order in `fx` and
 * returns them with its next state. Each protocol's `out.ts` adds what is its own (its message
 * type, its state copy, its persistence); the effect shapes themselves are written only here.
 */
import type { Json, JsonObject } from '../sim/json';
import type { Effect, NodeId, StepContext } from '../sim/node';

/** Anything a step appends its effects to. */
export interface EffectSink {
  readonly fx: Effect[];
}

/**
 * A step in progress over an immutable state: `update` replaces `o.s` with a new object and
 * never changes the state the step was given, so a whole step stays one pure function.
 */
export interface StepOut<S> extends EffectSink {
  s: S;
  readonly ctx: StepContext;
}

export function stepOut<S>(s: S, ctx: StepContext): StepOut<S> {
  return { s, fx: [], ctx };
}

export function update<S>(o: StepOut<S>, change: Partial<S>): void {
  o.s = { ...o.s, ...change };
}

/** Sends `msg`, a protocol's own message type (plain data), to `to`. */
export function sendMessage(o: EffectSink, to: NodeId, msg: object): void {
  o.fx.push({ kind: 'send', to, msg: msg as JsonObject });
}

/** A fact for the trace, the checkers and the views; each lab documents its facts in docs/trace-format.md. */
export function fact(o: EffectSink, body: JsonObject): void {
  o.fx.push({ kind: 'output', fact: body });
}

/** Sets (or re-sets) the named timer, `delayMs` of local time from now (the kernel runs a negative one at once). */
export function setTimer(o: EffectSink, name: string, delayMs: number): void {
  o.fx.push({ kind: 'setTimer', name, delayMs });
}

export function cancelTimer(o: EffectSink, name: string): void {
  o.fx.push({ kind: 'cancelTimer', name });
}

/** Writes `value` under `key` to the node's durable storage. */
export function persist(o: EffectSink, key: string, value: Json): void {
  o.fx.push({ kind: 'persist', key, value });
}

/** The outcome of a client operation this node was handed (an `ok` or `fail` in the trace). */
export function result(o: EffectSink, opId: string, ok: boolean, value?: Json): void {
  o.fx.push(value === undefined ? { kind: 'result', opId, ok } : { kind: 'result', opId, ok, value });
}

/** This node, acting as a client, starts an operation (an `invoke` in the trace); answer it with `result`. */
export function invoke(o: EffectSink, opId: string, op: JsonObject): void {
  o.fx.push({ kind: 'invoke', opId, op });
}
