/**
 * Acquiring the lock: one round sends `SET L value NX PX ttl` to every server and counts the
 * yeses once all have answered or the round's time is up. A single-instance lock is the case of
 * one server and a quorum of one. Lost rounds are retried as the seed's lockWithRetry and
 * RedLock.Lock do: up to `retries` attempts, `retryDelayMs` apart (hardened: a random delay
 * around it, so contenders do not collide again in step).
 */
import { ARTICLE_VALUE, driftMs, num, quorumOf, rulesOf, serversOf } from './config';
import { forgetPending, request } from './clientOut';
import { becomeHolder } from './hold';
import { cancelTimer, fact, result, setTimer, update, type ClientOut } from './out';
import { finishRaise, startRaise } from './raiseToken';
import { releaseEverywhere, stopTickers } from './release';
import { LOCK_KEY, type ClientState } from './types';

/** A value only this acquisition has (hardened), or the article's one value for everyone. */
function valueFor(o: ClientOut): string {
  // The seed's usage example gives its RedisLock one value for everyone; it shows no RedLock usage,
  // so there each client gets its own fixed value and the constant-value lesson stays in one lab.
  if (!rulesOf(o.ctx).uniqueValue) return serversOf(o.ctx).length > 1 ? `${o.ctx.id}-value` : ARTICLE_VALUE;
  const random = Math.floor(o.ctx.random() * 0xffffffff).toString(16).padStart(8, '0');
  return `${o.ctx.id}:${o.s.cycle}.${o.s.attempt}:${random}`;
}

/** A new call of lockWithRetry, with a new lock object (so a new stop channel, in the article). */
export function beginCycle(o: ClientOut): void {
  update(o, { cycle: o.s.cycle + 1, attempt: 0, stopClosed: false, tickers: {}, panic: null });
  beginAttempt(o);
}

export function beginAttempt(o: ClientOut): void {
  const round = o.s.round + 1;
  update(o, { phase: 'acquiring', attempt: o.s.attempt + 1, round, roundStartedAt: o.ctx.now, granted: {}, answered: [], raised: null });
  update(o, { value: valueFor(o) });
  fact(o, { kind: 'acquiring', lock: LOCK_KEY, attempt: o.s.attempt });
  const ttlMs = num(o.ctx, 'ttlMs');
  for (const server of serversOf(o.ctx)) request(o, server, { op: 'set', key: LOCK_KEY, value: o.s.value ?? '', pxMs: ttlMs }, 'set', round);
  setTimer(o, 'round', rulesOf(o.ctx).acquireTimeoutMs);
}

export function onSetReply(o: ClientOut, server: string, round: number, token: number | null): void {
  if (o.s.phase !== 'acquiring' || o.s.raised !== null || round !== o.s.round || o.s.answered.includes(server)) return;
  update(o, { answered: [...o.s.answered, server] });
  if (token !== null) {
    update(o, { granted: { ...o.s.granted, [server]: token } });
    // The article's RedisLock.Lock starts its renewal goroutine the moment its own SETNX succeeds,
    // before anyone knows whether the RedLock has a quorum; after an Unlock closed the stop
    // channel, that goroutine returns at once.
    if (rulesOf(o.ctx).renewalPerInstance && !o.s.stopClosed) {
      update(o, { tickers: { ...o.s.tickers, [server]: { waiting: false } } });
      setTimer(o, `renew:${server}`, num(o.ctx, 'ttlMs') / 2);
    }
  }
  if (o.s.answered.length === serversOf(o.ctx).length) finishRound(o);
}

/** The token a round won: the highest counter among the servers that said yes. */
export function roundToken(s: ClientState): number {
  return Math.max(...Object.values(s.granted));
}

/** The round's time so far and the validity left (TTL − elapsed − drift), both from when the SETs went out. */
export function roundTiming(o: ClientOut): { readonly elapsedMs: number; readonly validityMs: number; readonly why: string } {
  const ttlMs = num(o.ctx, 'ttlMs');
  const elapsedMs = o.ctx.now - (o.s.roundStartedAt ?? o.ctx.now);
  const validityMs = ttlMs - elapsedMs - driftMs(ttlMs);
  return { elapsedMs, validityMs, why: `validity ${round3(validityMs)} ms after ${round3(elapsedMs)} ms` };
}

/** The round is over: every server answered, or its time ran out. */
export function finishRound(o: ClientOut): void {
  if (o.s.phase !== 'acquiring') return;
  if (o.s.raised !== null) return finishRaise(o);
  cancelTimer(o, 'round');
  forgetPending(o, 'set');
  const rules = rulesOf(o.ctx);
  const servers = serversOf(o.ctx);
  const yes = Object.keys(o.s.granted).length;
  const timing = roundTiming(o);
  if (yes >= quorumOf(servers.length) && (!rules.validity || timing.validityMs > 0)) {
    if (rules.raiseTokens && servers.length > 1) return startRaise(o);
    return becomeHolder(o, rules.validity ? timing.validityMs : null, timing.elapsedMs);
  }
  refuse(o, yes, yes >= quorumOf(servers.length) ? timing.why : `${yes} of ${servers.length} servers`);
}

/** The attempt failed, for the reason given: say so, then release and retry or give up. */
export function refuse(o: ClientOut, granted: number, why: string): void {
  fact(o, { kind: 'refused', lock: LOCK_KEY, attempt: o.s.attempt, granted, why });
  loseRound(o);
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * A round that did not get the lock. Hardened and the article's RedLock release what they got
 * (RedLock.Lock calls rl.Unlock, line 1005); the single-instance lockWithRetry just tries again.
 */
function loseRound(o: ClientOut): void {
  const servers = serversOf(o.ctx);
  if (!rulesOf(o.ctx).renewalPerInstance) releaseEverywhere(o);
  else if (servers.length > 1 && !unlockArticleRedLock(o)) return;
  retryOrGiveUp(o);
}

/** The article's rl.Unlock inside Lock: close every stop channel (a second close panics), then the scripts. */
function unlockArticleRedLock(o: ClientOut): boolean {
  if (o.s.stopClosed) {
    panic(o, 'close of closed channel: RedLock.Lock called Unlock a second time');
    return false;
  }
  stopTickers(o);
  update(o, { stopClosed: true });
  releaseEverywhere(o);
  return true;
}

/** Go would crash the process; here the client reports it and starts over after its think time, as a supervisor would restart it. */
export function panic(o: ClientOut, why: string): void {
  fact(o, { kind: 'panic', lock: LOCK_KEY, why });
  update(o, { panic: why });
  stopTickers(o);
  cancelTimer(o, 'work');
  answer(o, false, `panic: ${why}`);
  rest(o);
}

function retryOrGiveUp(o: ClientOut): void {
  const retries = num(o.ctx, 'retries');
  if (o.s.attempt >= retries) {
    fact(o, { kind: 'gave-up', lock: LOCK_KEY, attempts: o.s.attempt });
    answer(o, false, `failed to acquire lock after ${retries} retries`);
    return rest(o);
  }
  const base = num(o.ctx, 'retryDelayMs');
  const delayMs = rulesOf(o.ctx).randomRetry ? round3(base * (0.5 + o.ctx.random())) : base;
  update(o, { phase: 'retry-wait' });
  fact(o, { kind: 'retry', lock: LOCK_KEY, attempt: o.s.attempt, inMs: delayMs });
  setTimer(o, 'retry', delayMs);
}

/** Answers the acquire command waiting for this cycle, if any. */
export function answer(o: ClientOut, ok: boolean, value: string): void {
  if (o.s.opId === null) return;
  result(o, o.s.opId, ok, value);
  update(o, { opId: null });
}

/** Between cycles: a client of the built-in workload tries again after `thinkMs`. */
export function rest(o: ClientOut): void {
  update(o, { phase: o.ctx.params['autoStart'] === false ? 'idle' : 'thinking', value: null, token: null, leaseUntil: null, renewing: null, raised: null, written: 0 });
  if (o.s.phase === 'thinking') setTimer(o, 'cycle', num(o.ctx, 'thinkMs'));
}
