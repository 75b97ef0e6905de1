/**
 * A client node: it sends requests to its gate(s) following its load shape, logs each one as an
 * `invoke` and its answer as `ok` ({"result":"allowed|rejected|fallback"}, or "done" for a worker
 * pool's task) or `fail`. Commands:
 * `{"op":"burst","count":N}` sends N requests at once, `{"op":"request"}` sends one whose
 * outcome answers the command itself.
 */
import type { JsonObject } from '../../../sim/json';
import type { Protocol, StepContext } from '../../../sim/node';
import { notAddressedTo } from '../../assert';
import { defineProtocol } from '../../define';
import { invoke } from '../../effects';
import { numberParam, stringParam } from '../config';
import { cancelTimer, result, send, setTimer, update, type Out } from '../out';
import { ALL_KEY, type Response, type TrafficMessage } from '../types';
import { loadTick, LOAD_SHAPES, type LoadSettings, type LoadShape } from './loadShape';

export type PendingRequest = { readonly target: string; readonly sentAt: number };

export type ClientState = {
  readonly seq: number;
  /** When the load began (local ms), for ramps. */
  readonly loadStart: number;
  readonly pending: Readonly<Record<string, PendingRequest>>;
  readonly sent: number;
};

/** A bound on a client's unanswered requests; past it the client stops sending until some are answered. */
export const MAX_CLIENT_PENDING = 5000;
const SEND_TIMER = 'send';
const timeoutTimer = (opId: string) => `timeout:${opId}`;

export function loadSettings(ctx: StepContext): LoadSettings {
  const shape = stringParam(ctx, 'load', 'constant');
  return {
    shape: (LOAD_SHAPES as readonly string[]).includes(shape) ? (shape as LoadShape) : 'constant',
    intervalMs: Math.max(1, numberParam(ctx, 'clientIntervalMs', 100)),
    burstSize: Math.max(1, numberParam(ctx, 'burstSize', 20)),
    rampPeakRps: numberParam(ctx, 'rampPeakRps', 50),
    rampMs: numberParam(ctx, 'rampMs', 10_000),
  };
}

/** The key a limiter counts this request by: one for all requests, as in the seed, or one of `keys` random keys. */
function keyFor(o: Out<ClientState>): string {
  const keys = numberParam(o.ctx, 'keys', 0);
  return keys <= 0 ? ALL_KEY : `k${Math.floor(o.ctx.random() * keys)}`;
}

function sendOne(o: Out<ClientState>, targets: readonly string[], commandOpId: string | null): void {
  const seq = o.s.seq + 1;
  update(o, { seq });
  const key = keyFor(o);
  const waitMs = numberParam(o.ctx, 'waitMs', 0);
  for (const target of targets) {
    if (Object.keys(o.s.pending).length >= MAX_CLIENT_PENDING) return;
    const opId = commandOpId ?? (targets.length === 1 ? `${o.ctx.id}.${seq}` : `${o.ctx.id}.${seq}.${target}`);
    if (commandOpId === null) invoke(o, opId, { op: 'request', to: target, key });
    send(o, target, waitMs > 0 ? { type: 'Request', id: opId, key, waitMs } : { type: 'Request', id: opId, key });
    setTimer(o, timeoutTimer(opId), numberParam(o.ctx, 'requestTimeoutMs', 10_000));
    update(o, { pending: { ...o.s.pending, [opId]: { target, sentAt: o.ctx.now } }, sent: o.s.sent + 1 });
  }
}

function sendMany(o: Out<ClientState>, targets: readonly string[], count: number): void {
  for (let i = 0; i < count; i++) sendOne(o, targets, null);
}

function onSendTimer(o: Out<ClientState>, targets: readonly string[]): void {
  const tick = loadTick(loadSettings(o.ctx), o.ctx.now - o.s.loadStart, () => o.ctx.random());
  sendMany(o, targets, tick.count);
  if (tick.nextInMs !== null) setTimer(o, SEND_TIMER, tick.nextInMs);
}

function settle(o: Out<ClientState>, opId: string): boolean {
  if (o.s.pending[opId] === undefined) return false;
  const { [opId]: _done, ...rest } = o.s.pending;
  update(o, { pending: rest });
  cancelTimer(o, timeoutTimer(opId));
  return true;
}

function onResponse(o: Out<ClientState>, m: Response): void {
  if (!settle(o, m.id)) return; // A duplicate, or an answer after the client gave up.
  if (m.result === 'error') return result(o, m.id, false, { error: m.detail ?? 'error' });
  const value: JsonObject = { result: m.result };
  if (m.detail !== undefined) value[m.result === 'fallback' ? 'value' : 'reason'] = m.detail;
  result(o, m.id, true, value);
}

function onCommand(o: Out<ClientState>, targets: readonly string[], opId: string, cmd: JsonObject): void {
  if (cmd['op'] === 'request') return sendOne(o, targets.slice(0, 1), opId);
  if (cmd['op'] !== 'burst') return result(o, opId, false, `${o.ctx.id} is a client: try {"op":"burst","count":20} or {"op":"request"}`);
  const raw = cmd['count'];
  const count = typeof raw === 'number' && raw > 0 ? Math.min(1000, Math.floor(raw)) : loadSettings(o.ctx).burstSize;
  sendMany(o, targets, count);
  result(o, opId, true, { sent: count });
}

function onStart(o: Out<ClientState>): void {
  const load = loadSettings(o.ctx);
  if (load.shape === 'off') return;
  const startMs = numberParam(o.ctx, 'loadStartMs', 0);
  update(o, { loadStart: o.ctx.now + startMs });
  // Constant load starts one gap in, so clients of one run do not all fire at time 0.
  setTimer(o, SEND_TIMER, startMs + (load.shape === 'constant' ? load.intervalMs * o.ctx.random() : 0));
}

function onTimer(o: Out<ClientState>, targets: readonly string[], name: string): void {
  if (name === SEND_TIMER) return onSendTimer(o, targets);
  if (!name.startsWith('timeout:')) return;
  const opId = name.slice('timeout:'.length);
  if (settle(o, opId)) result(o, opId, false, { error: 'timeout' });
}

function onMessage(o: Out<ClientState>, m: TrafficMessage): void {
  if (m.type === 'Response') return onResponse(o, m);
  notAddressedTo('client', m.type);
}

/** A client kind that sends to `targets` (every request goes to each of them, as its own operation). */
export function clientProtocol(targets: readonly string[]): Protocol<ClientState> {
  return defineProtocol<ClientState, TrafficMessage>({
    kind: 'client',
    initial: (_persisted, ctx) => ({ seq: 0, loadStart: ctx.now, pending: {}, sent: 0 }),
    onStart: (_persisted, o) => onStart(o),
    onMessage: (o, _from, m) => onMessage(o, m),
    onTimer: (o, name) => onTimer(o, targets, name),
    onCommand: (o, opId, cmd) => onCommand(o, targets, opId, cmd),
  });
}
