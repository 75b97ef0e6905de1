/**
 * The backend service: it answers each `Call` after its latency, failing with its error rate.
 * Both can be changed live by commands, with an outage switch (every call fails at once, like a
 * refused connection) and a slow-down switch (every call takes `backendSlowMs`):
 * `{"op":"outage","on":true}`, `{"op":"slow","on":true}`, `{"op":"errorRate","percent":30}` (or
 * `"value":0.3`), `{"op":"latency","ms":50}`. Each change is reported as a `backend` fact.
 */
import type { JsonObject } from '../../../sim/json';
import type { NodeId } from '../../../sim/node';
import { notAddressedTo } from '../../assert';
import { defineProtocol } from '../../define';
import { numberParam } from '../config';
import { fact, result, send, setTimer, update, type Out } from '../out';
import type { Call, TrafficMessage } from '../types';

export type BackendState = {
  readonly outage: boolean;
  readonly slow: boolean;
  readonly errorRate: number;
  readonly latencyMs: number;
  /** Calls being served, by call id: who asked and whether this one will fail. */
  readonly serving: Readonly<Record<string, { readonly from: NodeId; readonly fails: boolean }>>;
  readonly served: number;
  readonly failed: number;
};

/** A bound on calls served at once; past it a call fails at once as "overloaded". */
export const MAX_SERVING = 10_000;

function reportSettings(o: Out<BackendState>): void {
  fact(o, { kind: 'backend', outage: o.s.outage, slow: o.s.slow, errorRate: o.s.errorRate, latencyMs: o.s.latencyMs });
}

function answer(o: Out<BackendState>, to: NodeId, id: string, fails: boolean, error: string): void {
  send(o, to, fails ? { type: 'Reply', id, ok: false, error } : { type: 'Reply', id, ok: true });
  update(o, fails ? { failed: o.s.failed + 1 } : { served: o.s.served + 1 });
}

function onCall(o: Out<BackendState>, from: NodeId, m: Call): void {
  if (o.s.outage) return answer(o, from, m.id, true, 'outage');
  if (Object.keys(o.s.serving).length >= MAX_SERVING) return answer(o, from, m.id, true, 'overloaded');
  const fails = o.ctx.random() < o.s.errorRate;
  // Latency varies by up to ±20% around the setting, so calls do not come back in lockstep.
  const base = o.s.slow ? numberParam(o.ctx, 'backendSlowMs', 3000) : o.s.latencyMs;
  const delay = base * (0.8 + 0.4 * o.ctx.random());
  update(o, { serving: { ...o.s.serving, [m.id]: { from, fails } } });
  setTimer(o, `reply:${m.id}`, delay);
}

function onReplyTimer(o: Out<BackendState>, id: string): void {
  const call = o.s.serving[id];
  if (call === undefined) return;
  const { [id]: _done, ...rest } = o.s.serving;
  update(o, { serving: rest });
  answer(o, call.from, id, call.fails, 'error');
}

function flag(cmd: JsonObject): boolean {
  return cmd['on'] !== false;
}

/** The error rate a command asks for, as a fraction: from `percent` (the page's) or `value`. */
function errorRateOf(cmd: JsonObject): number | null {
  const percent = cmd['percent'];
  const rate = typeof percent === 'number' ? percent / 100 : cmd['value'];
  return typeof rate === 'number' && rate >= 0 && rate <= 1 ? rate : null;
}

function onCommand(o: Out<BackendState>, opId: string, cmd: JsonObject): void {
  const rate = errorRateOf(cmd);
  const ms = cmd['ms'];
  switch (cmd['op']) {
    case 'outage':
      update(o, { outage: flag(cmd) });
      break;
    case 'slow':
      update(o, { slow: flag(cmd) });
      break;
    case 'errorRate':
      if (rate === null) return result(o, opId, false, 'errorRate takes a percent from 0 to 100 (or a value from 0 to 1)');
      update(o, { errorRate: rate });
      break;
    case 'latency':
      if (typeof ms !== 'number' || ms < 0) return result(o, opId, false, 'latency takes ms ≥ 0');
      update(o, { latencyMs: ms });
      break;
    default:
      return result(o, opId, false, `${o.ctx.id} is the backend: try {"op":"outage","on":true}, {"op":"slow","on":true}, {"op":"errorRate","percent":50}, {"op":"latency","ms":50}`);
  }
  reportSettings(o);
  result(o, opId, true, { outage: o.s.outage, slow: o.s.slow, errorRate: o.s.errorRate, latencyMs: o.s.latencyMs });
}

function onMessage(o: Out<BackendState>, from: NodeId, m: TrafficMessage): void {
  if (m.type === 'Call') return onCall(o, from, m);
  notAddressedTo('backend', m.type);
}

export const backendProtocol = defineProtocol<BackendState, TrafficMessage>({
  kind: 'backend',
  initial: (_persisted, ctx) => ({ outage: false, slow: false, errorRate: numberParam(ctx, 'backendErrorRate', 0), latencyMs: numberParam(ctx, 'backendLatencyMs', 20), serving: {}, served: 0, failed: 0 }),
  onStart: (_persisted, o) => reportSettings(o),
  onMessage,
  onTimer(o, name) {
    if (name.startsWith('reply:')) onReplyTimer(o, name.slice('reply:'.length));
  },
  onCommand,
});
