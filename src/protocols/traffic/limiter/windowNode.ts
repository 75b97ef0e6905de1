/**
 * A window limiter node (sliding log, fixed window or sliding-window counter) with a table of
 * keys. The article keeps every key it ever saw (the seed has one log; a limiter per user built
 * on it keeps a map that only grows). The hardened node sweeps out keys idle for two windows and
 * holds at most `maxKeys`: a new key past that is turned away rather than evicting an active key,
 * whose history the limit depends on.
 */
import type { NodeId, NodeInput, Protocol, StepContext, StepOutput } from '../../../sim/node';
import { isArticle, numberParam } from '../config';
import { CODE, EMPTY_RECORD, record, recordOutcome, round3, type GateRecord } from '../gate/history';
import { forward, hasRoom, outcomeOfInput, passOn, respond, type RelayState } from '../gate/relay';
import { fact, outFor, result, setTimer, update, type Out } from '../out';
import type { Request } from '../types';
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
  if (!isArticle(o.ctx) && Object.keys(o.s.keys).length >= numberParam(o.ctx, 'maxKeys', 1000)) {
    sweep(o);
    if (Object.keys(o.s.keys).length >= numberParam(o.ctx, 'maxKeys', 1000)) return null;
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
  const d = decideWindow(algorithm, w, windowConfig(o.ctx), o.ctx.now);
  const keys = { ...o.s.keys, [m.key]: d.window };
  const size = Object.keys(keys).length;
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

function onInput(o: Out<WindowNodeState>, algorithm: WindowAlgorithm, input: NodeInput): void {
  if (input.kind === 'message' && input.msg['type'] === 'Request') return decide(o, algorithm, input.from, input.msg as unknown as Request);
  if (input.kind === 'timer' && input.name === SWEEP_TIMER) {
    sweep(o);
    return setTimer(o, SWEEP_TIMER, windowConfig(o.ctx).windowMs);
  }
  if (input.kind === 'command') return result(o, input.opId, false, `${o.ctx.id} is a ${algorithm} limiter; it takes no commands`);
  const outcome = outcomeOfInput(o, input);
  if (outcome === null) return;
  update(o, recordOutcome(o.s, o.ctx.now, outcome.ok));
  passOn(o, outcome);
}

export function windowProtocol(algorithm: WindowAlgorithm): Protocol<WindowNodeState> {
  const step = (state: WindowNodeState | undefined, input: NodeInput, ctx: StepContext): StepOutput<WindowNodeState> => {
    if (input.kind === 'start') {
      const o = outFor<WindowNodeState>({ calls: {}, config: windowConfig(ctx), keys: {}, peakKeys: 0, evicted: 0, allowed: 0, rejected: 0, ...EMPTY_RECORD }, ctx);
      if (!isArticle(ctx)) setTimer(o, SWEEP_TIMER, windowConfig(ctx).windowMs);
      return { state: o.s, effects: o.fx };
    }
    if (state === undefined) throw new Error('stepped before start');
    const o = outFor(state, ctx);
    onInput(o, algorithm, input);
    return { state: o.s, effects: o.fx };
  };
  return { kind: algorithm, step };
}
