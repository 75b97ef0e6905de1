/**
 * One step's work in progress: the node's next state and the effects so far, in order. The
 * functions of this package take an `Out`, replace `o.s` with a new object (the state they were
 * given is never changed) and append effects, so a whole step stays one pure function.
 */
import type { JsonObject } from '../../sim/json';
import type { Effect, NodeId, StepContext } from '../../sim/node';
import { rulesOf, type Rules } from './config';
import type { Message } from './types';

export interface Out<S> {
  s: S;
  readonly fx: Effect[];
  readonly ctx: StepContext;
  readonly rules: Rules;
}

export function outFor<S>(s: S, ctx: StepContext): Out<S> {
  return { s, fx: [], ctx, rules: rulesOf(ctx) };
}

export function update<S>(o: Out<S>, change: Partial<S>): void {
  o.s = { ...o.s, ...change };
}

export function send(o: Out<unknown>, to: NodeId, msg: Message): void {
  o.fx.push({ kind: 'send', to, msg: msg as JsonObject });
}

/** Sends to every other node; every node of a Paxos lab is an acceptor and a learner. */
export function broadcast(o: Out<unknown>, msg: Message): void {
  for (const peer of o.ctx.peers) send(o, peer, msg);
}

/** A fact for the trace (see docs/trace-format.md, "paxos"). */
export function fact(o: Out<unknown>, body: JsonObject): void {
  o.fx.push({ kind: 'output', fact: body });
}

export function setTimer(o: Out<unknown>, name: string, delayMs: number): void {
  o.fx.push({ kind: 'setTimer', name, delayMs });
}

export function cancelTimer(o: Out<unknown>, name: string): void {
  o.fx.push({ kind: 'cancelTimer', name });
}

export function result(o: Out<unknown>, opId: string, ok: boolean, value?: JsonObject | string | null): void {
  o.fx.push(value === undefined ? { kind: 'result', opId, ok } : { kind: 'result', opId, ok, value });
}
