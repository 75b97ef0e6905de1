/**
 * A window limiter node (sliding log, fixed window or sliding-window counter) with a table of
 * keys. The article keeps every key it ever saw (the seed has one log; a limiter per user built
 * on it keeps a map that only grows). The hardened node sweeps out keys idle for two windows and
 * holds at most `maxKeys`: a new key past that is turned away rather than evicting an active key,
 * whose history the limit depends on.
 */
import type { NodeId, Protocol, StepContext } from '../../../sim/node';
import { assert } from '../../assert';
import { defineProtocol } from '../../define';
import { isArticle, numberParam } from '../config';
import { CODE, EMPTY_RECORD, record, round3, type GateRecord } from '../gate/history';
import { forward, hasRoom, onCallTimer, onGateMessage, passOn, respond, type Gate, type RelayState } from '../gate/relay';
import { fact, result, setTimer, update, type Out } from '../out';
import type { Request, TrafficMessage } from '../types';
import { decideWindow, emptyWindow, idleAfterMs, type KeyWindow, type WindowAlgorithm, type WindowConfig } from './windows';

export type WindowNodeState = RelayState & GateRecord & {
  /** The limit and window this node counts by, kept for the views. */
  readonly config: WindowConfig;
  readonly keys: Readonly<Record<string, KeyWindow>>;
  readonly peakKeys: number;
  readonly evicted: number;
  readonly allowed: number;
  readonly rejected: number;
};

const SWEEP_TIMER = 'sweep';

export function windowConfig(ctx: StepContext): WindowConfig {
  return { limit: numberParam(ctx, 'limit', 10), windowMs: numberParam(ctx, 'windowMs', 1000) };
}

/** Hardened: the most keys the table holds. */
function maxKeys(ctx: StepContext): number {
  return numberParam(ctx, 'maxKeys', 1000);
}

/** Hardened: drops keys idle for two windows; reports how many went. */
function sweep(o: Out<WindowNodeState>): void {
  const idleMs = idleAfterMs(windowConfig(o.ctx));
  const kept: Record<string, KeyWindow> = {};
  let gone = 0;
  for (const [key, w] of Object.entries(o.s.keys)) {
    if (o.ctx.now - w.lastSeen >= idleMs) gone++;
    else kept[key] = w;
  }
  if (gone > 0) update(o, { keys: kept, evicted: o.s.evicted + gone });
}

/** The key's window, or null when the hardened table is full of active keys. */
function windowFor(o: Out<WindowNodeState>, key: string): KeyWindow | null {
  const known = o.s.keys[key];
  if (known !== undefined) return known;
  if (!isArticle(o.ctx) && Object.keys(o.s.keys).length >= maxKeys(o.ctx)) {
    sweep(o);
    if (Object.keys(o.s.keys).length >= maxKeys(o.ctx)) return null;
  }
  return emptyWindow(o.ctx.now);
}

function decide(o: Out<WindowNodeState>, algorithm: WindowAlgorithm, from: NodeId, m: Request): void {
  const w = hasRoom(o) ? windowFor(o, m.key) : null;
  if (w === null) {
    const reason = hasRoom(o) ? 'too many keys' : 'too many calls in flight';
    fact(o, { kind: 'decision', key: m.key, allowed: false, count: 0, keys: Object.keys(o.s.keys).length, reason });
    update(o, { rejected: o.s.rejected + 1, ...record(o.s, [o.ctx.now, 0, CODE.rejected]) });
    return respond(o, from, m.id, 'rejected', reason);
  }
  const config = windowConfig(o.ctx);
  const d = decideWindow(algorithm, w, config, o.ctx.now);
  assert(d.window.log.length <= config.limit && d.window.count <= config.limit, 'window limiter: a window never holds more than its limit');
  const keys = { ...o.s.keys, [m.key]: d.window };
  const size = Object.keys(keys).length;
  assert(isArticle(o.ctx) || size <= maxKeys(o.ctx), 'window limiter: the hardened table never holds more than maxKeys keys');
  const level = round3(d.level);
  update(o, {
    keys,
    peakKeys: Math.max(o.s.peakKeys, size),
    ...record(o.s, [o.ctx.now, level, d.allowed ? CODE.allowed : CODE.rejected]),
    ...(d.allowed ? { allowed: o.s.allowed + 1 } : { rejected: o.s.rejected + 1 }),
  });
  fact(o, { kind: 'decision', key: m.key, allowed: d.allowed, count: level, keys: size, ...(d.allowed ? {} : { reason: 'window full' }) });
  if (d.allowed) forward(o, from, m.id);
  else respond(o, from, m.id, 'rejected', 'rate limit exceeded');
}

export function windowProtocol(algorithm: WindowAlgorithm): Protocol<WindowNodeState> {
  const gate: Gate<WindowNodeState> = { name: `${algorithm} limiter`, onRequest: (o, from, m) => decide(o, algorithm, from, m), onOutcome: passOn };
  return defineProtocol<WindowNodeState, TrafficMessage>({
    kind: algorithm,
    initial: (_persisted, ctx) => ({ calls: {}, config: windowConfig(ctx), keys: {}, peakKeys: 0, evicted: 0, allowed: 0, rejected: 0, ...EMPTY_RECORD }),
    onStart(_persisted, o) {
      if (!isArticle(o.ctx)) setTimer(o, SWEEP_TIMER, windowConfig(o.ctx).windowMs);
    },
    onMessage: (o, from, m) => onGateMessage(gate, o, from, m),
    onTimer(o, name) {
      if (name !== SWEEP_TIMER) return onCallTimer(gate, o, name);
      sweep(o);
      setTimer(o, SWEEP_TIMER, windowConfig(o.ctx).windowMs);
    },
    onCommand(o, opId) {
      result(o, opId, false, `${o.ctx.id} is a ${algorithm} limiter; it takes no commands`);
    },
  });
}
