/**
 * What every gate in front of the backend does with a request it lets through: call the backend,
 * remember who asked, give up after `callTimeoutMs`, and answer the client. The gate's own logic
 * (limit, break, degrade) decides before and learns from the outcome after.
 */
import type { Json } from '../../../sim/json';
import type { NodeId } from '../../../sim/node';
import { notAddressedTo } from '../../assert';
import { MAX_PENDING, numberParam } from '../config';
import { recordOutcome, type GateRecord } from './history';
import { cancelTimer, send, setTimer, update, type Out } from '../out';
import { BACKEND_ID, type Reply, type Request, type Response, type TrafficMessage } from '../types';

export type CallRecord = { readonly client: NodeId; readonly startedAt: number; readonly tag: Json };

/** The part of a gate's state the relay owns. */
export type RelayState = { readonly calls: Readonly<Record<string, CallRecord>> };

export type CallOutcome = CallRecord & { readonly id: string; readonly ok: boolean; readonly error: string; readonly latencyMs: number };

const CALL_TIMER = 'call:';
const callTimer = (id: string) => `${CALL_TIMER}${id}`;

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
  update<RelayState>(o, { calls: { ...o.s.calls, [id]: { client, startedAt: o.ctx.now, tag } } });
}

function take<S extends RelayState>(o: Out<S>, id: string): CallRecord | null {
  const call = o.s.calls[id];
  if (call === undefined) return null;
  const { [id]: _done, ...rest } = o.s.calls;
  update<RelayState>(o, { calls: rest });
  return call;
}

/** The outcome of the call a backend `Reply` answers, or null when it timed out already. */
function replied<S extends RelayState>(o: Out<S>, m: Reply): CallOutcome | null {
  const call = take(o, m.id);
  if (call === null) return null;
  cancelTimer(o, callTimer(m.id));
  return { ...call, id: m.id, ok: m.ok, error: m.error ?? 'error', latencyMs: o.ctx.now - call.startedAt };
}

/** The outcome of a call whose timeout this timer is, or null for any other timer (or a call answered already). */
function timedOut<S extends RelayState>(o: Out<S>, name: string): CallOutcome | null {
  if (!name.startsWith(CALL_TIMER)) return null;
  const id = name.slice(CALL_TIMER.length);
  const call = take(o, id);
  return call === null ? null : { ...call, id, ok: false, error: 'timeout', latencyMs: o.ctx.now - call.startedAt };
}

/** A gate in front of the backend: how it decides on a client's request and learns from a call's outcome. */
export interface Gate<S extends RelayState> {
  readonly name: string;
  onRequest(o: Out<S>, from: NodeId, m: Request): void;
  onOutcome(o: Out<S>, outcome: CallOutcome): void;
}

/** The messages a gate gets: requests from its clients and the backend's replies to its calls. */
export function onGateMessage<S extends RelayState>(gate: Gate<S>, o: Out<S>, from: NodeId, m: TrafficMessage): void {
  switch (m.type) {
    case 'Request':
      return gate.onRequest(o, from, m);
    case 'Reply': {
      const outcome = replied(o, m);
      if (outcome !== null) gate.onOutcome(o, outcome);
      return;
    }
    case 'Call':
    case 'Response':
      return notAddressedTo(gate.name, m.type);
  }
}

/** A call's timeout timer ends the call as failed. */
export function onCallTimer<S extends RelayState>(gate: Gate<S>, o: Out<S>, name: string): void {
  const outcome = timedOut(o, name);
  if (outcome !== null) gate.onOutcome(o, outcome);
}

/** A limiter notes the call's outcome in its record and passes the backend's answer on as it is: allowed, or the call's error. */
export function passOn<S extends RelayState & GateRecord>(o: Out<S>, outcome: CallOutcome): void {
  update<GateRecord>(o, recordOutcome(o.s, o.ctx.now, outcome.ok));
  respond(o, outcome.client, outcome.id, outcome.ok ? 'allowed' : 'error', outcome.ok ? undefined : outcome.error);
}
