/**
 * What both etcd lock clients do around the lock itself: a cycle of acquire (with the seed's
 * lockWithRetry retries where the lab uses them), hold and work, unlock, think, again; and the
 * work: `writes` writes to the storage spread over `workMs`, each under the lock's token (the
 * key's create revision), the holder unlocking once the storage answered the last one. A
 * hardened holder checks its lease before each write and stops when it is gone; the article's
 * holder works on.
 */
import { LOCK_NAME, num, rulesOf } from './config';
import { cancelTimer, fact, persist, result, send, setTimer, update, type EtcdClientOut } from './out';
import { sessionAlive } from './session';
import { STORAGE_ID } from '../locks/config';

/** The lock-specific half of a client: how one attempt starts and how a hold ends. */
export interface LockDriver {
  /** Starts one Lock (or TryLock) call in the main slot. */
  begin(o: EtcdClientOut): void;
  /** Unlock after the work. */
  unlock(o: EtcdClientOut): void;
  /** The hardened holder stops: give up the lock's key and lease as best it can. */
  abandon(o: EtcdClientOut): void;
}

export function beginCycle(o: EtcdClientOut, driver: LockDriver, trying: boolean): void {
  update(o, { cycle: o.s.cycle + 1, attempt: 0, trying });
  beginAttempt(o, driver);
}

export function beginAttempt(o: EtcdClientOut, driver: LockDriver): void {
  update(o, { phase: 'acquiring', attempt: o.s.attempt + 1, token: null });
  fact(o, { kind: 'acquiring', lock: LOCK_NAME, attempt: o.s.attempt });
  driver.begin(o);
}

export function becomeHolder(o: EtcdClientOut, token: number, key: string): void {
  update(o, { phase: 'holding', hold: o.s.hold + 1, token, written: 0 });
  persist(o, 'holds', o.s.hold);
  fact(o, { kind: 'acquired', lock: LOCK_NAME, token, key });
  answer(o, true, `token ${token}`);
  setTimer(o, 'work', num(o.ctx, 'workMs') / num(o.ctx, 'writes'));
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** An attempt that did not get the lock; with `retry` (lockWithRetry) another follows after the delay, up to `retries`. */
export function refuse(o: EtcdClientOut, why: string, retry: boolean): void {
  fact(o, { kind: 'refused', lock: LOCK_NAME, attempt: o.s.attempt, why });
  const retries = num(o.ctx, 'retries');
  if (!retry || o.s.attempt >= retries) {
    fact(o, { kind: 'gave-up', lock: LOCK_NAME, attempts: o.s.attempt });
    answer(o, false, retry ? `failed to acquire lock after ${retries} retries: ${why}` : why);
    return rest(o);
  }
  const base = num(o.ctx, 'retryDelayMs');
  const delayMs = rulesOf(o.ctx).randomRetry ? round3(base * (0.5 + o.ctx.random())) : base;
  update(o, { phase: 'retry-wait' });
  fact(o, { kind: 'retry', lock: LOCK_NAME, attempt: o.s.attempt, inMs: delayMs });
  setTimer(o, 'retry', delayMs);
}

/** Answers the acquire or trylock command waiting for this cycle, if any. */
export function answer(o: EtcdClientOut, ok: boolean, value: string): void {
  if (o.s.opId === null) return;
  result(o, o.s.opId, ok, value);
  update(o, { opId: null });
}

/** Between cycles: a client of the built-in workload tries again after `thinkMs`. */
export function rest(o: EtcdClientOut): void {
  cancelTimer(o, 'work');
  update(o, { phase: o.ctx.params['autoStart'] === false ? 'idle' : 'thinking', token: null, written: 0, trying: false });
  if (o.s.phase === 'thinking') setTimer(o, 'cycle', num(o.ctx, 'thinkMs'));
}

export function onWorkTimer(o: EtcdClientOut, driver: LockDriver): void {
  if (o.s.phase !== 'holding') return;
  const of = num(o.ctx, 'writes');
  // The last write went out a work period ago and its answer never came: unlock all the same.
  if (o.s.written >= of) return release(o, driver);
  if (rulesOf(o.ctx).tellHolder && !sessionAlive(o, o.s.main?.lease ?? null)) return lose(o, driver, 'its lease may have expired: no keepalive answered within the TTL');
  const part = o.s.written + 1;
  send(o, STORAGE_ID, { type: 'write', token: o.s.token ?? 0, hold: o.s.hold, part, of });
  update(o, { written: part });
  setTimer(o, 'work', num(o.ctx, 'workMs') / of);
}

export function onWritten(o: EtcdClientOut, driver: LockDriver, hold: number, part: number, accepted: boolean): void {
  if (o.s.phase !== 'holding' || hold !== o.s.hold) return;
  if (!accepted && rulesOf(o.ctx).tellHolder) return lose(o, driver, `the storage rejected token ${o.s.token ?? '?'}: a newer holder has written`);
  if (part >= num(o.ctx, 'writes')) release(o, driver);
}

export function release(o: EtcdClientOut, driver: LockDriver): void {
  cancelTimer(o, 'work');
  driver.unlock(o);
  fact(o, { kind: 'released', lock: LOCK_NAME });
  rest(o);
}

/** The hardened holder learned it no longer holds the lock: it stops its work at once and says why. */
export function lose(o: EtcdClientOut, driver: LockDriver, why: string): void {
  if (o.s.phase !== 'holding') return;
  cancelTimer(o, 'work');
  fact(o, { kind: 'lost', lock: LOCK_NAME, why });
  driver.abandon(o);
  rest(o);
}
