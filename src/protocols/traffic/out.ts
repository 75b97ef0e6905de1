/**
 * One step's work in progress: the node's next state and its effects so far, in order. The
 * traffic nodes' functions take an `Out`, replace `o.s` (never changing the state they were
 * given) and append effects, so a whole step stays one pure function.
 */
import type { Json, JsonObject } from '../../sim/json';
import type { Effect, NodeId, StepContext } from '../../sim/node';
import type { TrafficMessage } from './types';

export interface Out<S> {
  s: S;
  readonly fx: Effect[];
  readonly ctx: StepContext;
}

export function outFor<S>(s: S, ctx: StepContext): Out<S> {
  return { s, fx: [], ctx };
}

export function update<S>(o: Out<S>, change: Partial<S>): void {
  o.s = { ...o.s, ...change };
}

export function send(o: Out<unknown>, to: NodeId, msg: TrafficMessage): void {
  o.fx.push({ kind: 'send', to, msg: msg as JsonObject });
}

/** A fact for the trace, the checkers and the views (docs/trace-format.md, "traffic control"). */
export function fact(o: Out<unknown>, body: JsonObject): void {
  o.fx.push({ kind: 'output', fact: body });
}

export function setTimer(o: Out<unknown>, name: string, delayMs: number): void {
  o.fx.push({ kind: 'setTimer', name, delayMs });
}

export function cancelTimer(o: Out<unknown>, name: string): void {
  o.fx.push({ kind: 'cancelTimer', name });
}

export function result(o: Out<unknown>, opId: string, ok: boolean, value?: Json): void {
  o.fx.push(value === undefined ? { kind: 'result', opId, ok } : { kind: 'result', opId, ok, value });
}
