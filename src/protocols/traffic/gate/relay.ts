/**
 * What every gate in front of the backend does with a request it lets through: call the backend,
 * remember who asked, give up after `callTimeoutMs`, and answer the client. The gate's own logic
 * (limit, break, degrade) decides before and learns from the outcome after.
 */
import type { Json } from '../../../sim/json';
import type { NodeId, NodeInput } from '../../../sim/node';
import { MAX_PENDING, numberParam } from '../config';
import { cancelTimer, send, setTimer, update, type Out } from '../out';
import { BACKEND_ID, type Reply, type Response } from '../types';

export type CallRecord = { readonly client: NodeId; readonly startedAt: number; readonly tag: Json };

/** The part of a gate's state the relay owns. */
export type RelayState = { readonly calls: Readonly<Record<string, CallRecord>> };

export type CallOutcome = CallRecord & { readonly id: string; readonly ok: boolean; readonly error: string; readonly latencyMs: number };

const callTimer = (id: string) => `call:${id}`;

export function respond(o: Out<unknown>, client: NodeId, id: string, result: Response['result'], detail?: string): void {
  send(o, client, detail === undefined ? { type: 'Response', id, result } : { type: 'Response', id, result, detail });
}

export function hasRoom(o: Out<RelayState>): boolean {
  return Object.keys(o.s.calls).length < MAX_PENDING;
}

/** Calls the backend for `client`'s request `id`; `tag` is the gate's own note (a breaker's generation). */
export function forward<S extends RelayState>(o: Out<S>, client: NodeId, id: string, tag: Json = null): void {
  send(o, BACKEND_ID, { type: 'Call', id });
  setTimer(o, callTimer(id), numberParam(o.ctx, 'callTimeoutMs', 5000));
  update<RelayState>(o as Out<RelayState>, { calls: { ...o.s.calls, [id]: { client, startedAt: o.ctx.now, tag } } });
}

function take<S extends RelayState>(o: Out<S>, id: string): CallRecord | null {
  const call = o.s.calls[id];
  if (call === undefined) return null;
  const { [id]: _done, ...rest } = o.s.calls;
  update<RelayState>(o as Out<RelayState>, { calls: rest });
  return call;
}

/** The outcome of a call when this input ends one (a reply, or the call's timeout), else null. */
export function outcomeOf<S extends RelayState>(o: Out<S>, input: { kind: 'message'; msg: Reply } | { kind: 'timer'; name: string }): CallOutcome | null {
  if (input.kind === 'timer') {
    if (!input.name.startsWith('call:')) return null;
    const id = input.name.slice('call:'.length);
    const call = take(o, id);
    return call === null ? null : { ...call, id, ok: false, error: 'timeout', latencyMs: o.ctx.now - call.startedAt };
  }
  const call = take(o, input.msg.id);
  if (call === null) return null; // It timed out already.
  cancelTimer(o, callTimer(input.msg.id));
  return { ...call, id: input.msg.id, ok: input.msg.ok, error: input.msg.error ?? 'error', latencyMs: o.ctx.now - call.startedAt };
}

/** Any input that ends a call: a `Reply` message or a call's timeout timer. */
export function outcomeOfInput<S extends RelayState>(o: Out<S>, input: NodeInput): CallOutcome | null {
  if (input.kind === 'message' && input.msg['type'] === 'Reply') return outcomeOf(o, { kind: 'message', msg: input.msg as unknown as Reply });
  if (input.kind === 'timer') return outcomeOf(o, input);
  return null;
}

/** A limiter passes the backend's answer on as it is: allowed, or the call's error. */
export function passOn(o: Out<unknown>, outcome: CallOutcome): void {
  respond(o, outcome.client, outcome.id, outcome.ok ? 'allowed' : 'error', outcome.ok ? undefined : outcome.error);
}
