/**
 * The token bucket node: it answers each request with Allow, or with Wait when the request asks
 * to wait (`waitMs`), and calls the backend for those it lets through. The article polls Allow
 * every 10 ms while it waits (seed `Wait`), until a token or the caller's deadline, which ends the
 * wait at once as `ctx.Done()` does; the hardened bucket reserves a token and sets one timer for
 * exactly when it is there. With `bucketScope` "per-request" every request gets a new
 * full bucket, as the seed's `rateLimitedHandler` example does, so nothing is ever limited.
 */
import type { NodeId, StepContext } from '../../../sim/node';
import { assert } from '../../assert';
import { defineProtocol } from '../../define';
import { isArticle, numberParam, stringParam } from '../config';
import { cancelTimer, fact, result, setTimer, update, type Out } from '../out';
import { CODE, EMPTY_RECORD, record, round3, type GateRecord } from '../gate/history';
import { forward, hasRoom, onCallTimer, onGateMessage, passOn, respond, type Gate, type RelayState } from '../gate/relay';
import type { Request, TrafficMessage } from '../types';
import { articleAllow, fullBucket, hardenedAllow, reserve, type Bucket, type BucketConfig } from './tokenBucket';

export type Waiter = {
  readonly client: NodeId;
  readonly key: string;
  readonly since: number;
  readonly polls: number;
  /** Hardened: when its reserved token is there, by the bucket's clock. */
  readonly grantAt?: number;
};

export type BucketNodeState = RelayState & GateRecord & {
  /** The run's settings, kept for the views. */
  readonly config: BucketConfig;
  readonly bucket: Bucket;
  readonly waiting: Readonly<Record<string, Waiter>>;
  readonly allowed: number;
  readonly rejected: number;
  /** Allow calls made by the article's Wait loop, in all. */
  readonly polls: number;
};

/** The seed's Wait loop sleeps this long between tries. */
export const ARTICLE_POLL_MS = 10;
/** A waiting request's timers are named by kind and request id, e.g. `poll:r7`. */
type WaitTimer = 'poll' | 'deadline' | 'grant';
const timerOf = (kind: WaitTimer, id: string): string => `${kind}:${id}`;
const MAX_WAITING = 1000;

export function bucketConfig(ctx: StepContext): BucketConfig {
  return { capacity: numberParam(ctx, 'capacity', 100), ratePerSec: numberParam(ctx, 'refillPerSec', 10) };
}

function perRequest(ctx: StepContext): boolean {
  return stringParam(ctx, 'bucketScope', 'shared') === 'per-request';
}

function tryAllow(o: Out<BucketNodeState>): boolean {
  const config = bucketConfig(o.ctx);
  if (perRequest(o.ctx)) return articleAllow(fullBucket(config, o.ctx.now), config, o.ctx.now).allowed;
  const next = (isArticle(o.ctx) ? articleAllow : hardenedAllow)(o.s.bucket, config, o.ctx.now);
  update(o, { bucket: next.bucket });
  return next.allowed;
}

function decide(o: Out<BucketNodeState>, client: NodeId, id: string, key: string, allowed: boolean, extra: { waitedMs?: number; polls?: number; reason?: string } = {}): void {
  const tokens = round3(perRequest(o.ctx) ? bucketConfig(o.ctx).capacity - 1 : o.s.bucket.tokens);
  const { reason, ...rest } = extra;
  fact(o, { kind: 'decision', key, allowed, tokens, ...rest, ...(allowed ? {} : { reason: reason ?? 'no token' }) });
  update(o, {
    ...record(o.s, [o.ctx.now, tokens, allowed ? CODE.allowed : CODE.rejected]),
    ...(allowed ? { allowed: o.s.allowed + 1 } : { rejected: o.s.rejected + 1 }),
  });
  if (allowed) forward(o, client, id);
  else respond(o, client, id, 'rejected', reason ?? 'rate limit exceeded');
}

function startWait(o: Out<BucketNodeState>, client: NodeId, m: Request & { waitMs: number }): void {
  if (Object.keys(o.s.waiting).length >= MAX_WAITING) return decide(o, client, m.id, m.key, false, { reason: 'too many waiting' });
  const waiter: Waiter = { client, key: m.key, since: o.ctx.now, polls: 0 };
  if (isArticle(o.ctx) || perRequest(o.ctx)) {
    if (tryAllow(o)) return decide(o, client, m.id, m.key, true, { waitedMs: 0, polls: 0 });
    update(o, { waiting: { ...o.s.waiting, [m.id]: waiter } });
    // The caller's context: Go's ctx.Done() ends the wait at the deadline, whatever the loop is doing.
    setTimer(o, timerOf('deadline', m.id), m.waitMs);
    return setTimer(o, timerOf('poll', m.id), ARTICLE_POLL_MS);
  }
  const r = reserve(o.s.bucket, bucketConfig(o.ctx), o.ctx.now, m.waitMs);
  update(o, { bucket: r.bucket });
  if (r.waitMs === null) return decide(o, client, m.id, m.key, false, { reason: 'would wait past deadline' });
  if (r.waitMs === 0) return decide(o, client, m.id, m.key, true, { waitedMs: 0 });
  update(o, { waiting: { ...o.s.waiting, [m.id]: { ...waiter, grantAt: round3(o.ctx.now + r.waitMs) } } });
  setTimer(o, timerOf('grant', m.id), r.waitMs);
}

function takeWaiter(o: Out<BucketNodeState>, id: string): Waiter | null {
  const w = o.s.waiting[id];
  if (w === undefined) return null;
  const { [id]: _gone, ...rest } = o.s.waiting;
  update(o, { waiting: rest });
  return w;
}

/** The seed's loop: Allow, else sleep 10 ms (or until the context is done) and try again. */
function onPoll(o: Out<BucketNodeState>, id: string): void {
  const w = o.s.waiting[id];
  if (w === undefined) return;
  update(o, { polls: o.s.polls + 1 });
  const polls = w.polls + 1;
  if (tryAllow(o)) {
    takeWaiter(o, id);
    cancelTimer(o, timerOf('deadline', id));
    return decide(o, w.client, id, w.key, true, { waitedMs: round3(o.ctx.now - w.since), polls });
  }
  update(o, { waiting: { ...o.s.waiting, [id]: { ...w, polls } } });
  setTimer(o, timerOf('poll', id), ARTICLE_POLL_MS);
}

/** The context's deadline while the loop sleeps: Wait returns ctx.Err() at once. */
function onDeadline(o: Out<BucketNodeState>, id: string): void {
  const w = takeWaiter(o, id);
  if (w === null) return;
  cancelTimer(o, timerOf('poll', id));
  decide(o, w.client, id, w.key, false, { waitedMs: round3(o.ctx.now - w.since), polls: w.polls, reason: 'deadline' });
}

/** The simulation's time grid: one µs. */
const GRID_MS = 0.001;
/** The least a re-armed grant waits, so it never fires again at the same virtual time. */
const REARM_MIN_MS = 1;

/**
 * A reserved token's timer. A timer measures a duration at the clock's rate when it was set; if
 * the bucket's clock has slowed or been set back since, the token is not there yet by that clock,
 * the one the bucket promises its rate by, so the grant waits on.
 */
function onGrant(o: Out<BucketNodeState>, id: string): void {
  const w = o.s.waiting[id];
  if (w === undefined) return;
  if (w.grantAt !== undefined && o.ctx.now < w.grantAt - GRID_MS) return setTimer(o, timerOf('grant', id), Math.max(REARM_MIN_MS, w.grantAt - o.ctx.now));
  takeWaiter(o, id);
  decide(o, w.client, id, w.key, true, { waitedMs: round3(o.ctx.now - w.since) });
}

function onRequest(o: Out<BucketNodeState>, from: NodeId, m: Request): void {
  if (!hasRoom(o)) return decide(o, from, m.id, m.key, false, { reason: 'too many calls in flight' });
  if (m.waitMs !== undefined && m.waitMs > 0) return startWait(o, from, { ...m, waitMs: m.waitMs });
  decide(o, from, m.id, m.key, tryAllow(o));
}

const gate: Gate<BucketNodeState> = { name: 'token bucket', onRequest, onOutcome: passOn };

function onTimer(o: Out<BucketNodeState>, name: string): void {
  const [kind, id] = name.split(/:(.*)/s) as [string, string | undefined];
  if (id !== undefined && kind === 'poll') return onPoll(o, id);
  if (id !== undefined && kind === 'deadline') return onDeadline(o, id);
  if (id !== undefined && kind === 'grant') return onGrant(o, id);
  onCallTimer(gate, o, name);
}

/** What holds after every step: the level never passes the capacity; the article takes a token only while the level is above zero. */
function invariants(o: Out<BucketNodeState>): void {
  const { bucket, config } = o.s;
  assert(bucket.tokens <= config.capacity, "token bucket: the level never passes the bucket's capacity");
  assert(!isArticle(o.ctx) || bucket.tokens > -1, 'token bucket: the article takes a token only while the level is above zero');
}

export const tokenBucketProtocol = defineProtocol<BucketNodeState, TrafficMessage>({
  kind: 'token-bucket',
  initial: (_persisted, ctx) => ({ calls: {}, config: bucketConfig(ctx), bucket: fullBucket(bucketConfig(ctx), ctx.now), waiting: {}, allowed: 0, rejected: 0, polls: 0, ...EMPTY_RECORD }),
  onMessage: (o, from, m) => onGateMessage(gate, o, from, m),
  onTimer,
  onCommand(o, opId) {
    result(o, opId, false, `${o.ctx.id} is the token bucket; it takes no commands`);
  },
  invariants,
});
