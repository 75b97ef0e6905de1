/**
 * The etcd-mutex lab's client: EtcdLock as the seed writes it (article) or hardened. Each Lock
 * call opens a new session (a lease kept alive every TTL/3) and runs concurrency.Mutex's Lock
 * (mutex.ts); the holder works, then Unlock deletes its key and closes the session.
 * - Article: the usage example's context (`contextMs`) bounds the whole cycle: the session's
 *   keepalive ends with it, a Lock still waiting then fails, and an Unlock after it cannot reach
 *   etcd, so the key stays until its lease runs out. TryLock starts Lock in a goroutine, gives up
 *   after `tryLockMs` and returns false, while that Lock goes on and later takes the lock under a
 *   session nobody closes.
 * - Hardened: no deadline on the wait, TryLock fails at once and deletes its key (etcd's
 *   Mutex.TryLock), and the holder stops work as soon as its lease may be gone.
 */
import { LOCK_NAME, num, rulesOf } from './config';
import { answer, becomeHolder, lose, refuse, rest, type LockDriver } from './cycle';
import { etcdClientProtocol } from './clientNode';
import { dropAttempt, onMutexReply, startMutex, type MutexOutcome } from './mutex';
import { ask, attemptIn, setAttempt } from './request';
import { closeSession, stopKeepalive } from './session';
import { cancelTimer, fact, setTimer, update, type EtcdClientOut } from './out';
import type { Slot } from './clientTypes';

const article = (o: EtcdClientOut): boolean => !rulesOf(o.ctx).tryLockFailsFast;

const driver: LockDriver = {
  begin(o) {
    const a = o.s.trying ? 'trylock' : 'lock';
    // The usage example's ctx (5 s, line 1264) covers Lock and the deferred Unlock alike.
    const deadline = article(o) && a === 'lock' ? o.ctx.now + num(o.ctx, 'contextMs') : null;
    startMutex(o, 'main', a, deadline);
    if (deadline !== null) setTimer(o, 'ctx', deadline - o.ctx.now);
    if (a === 'trylock' && article(o)) setTimer(o, 'trylock', num(o.ctx, 'tryLockMs'));
  },
  unlock(o) {
    const a = o.s.main;
    if (a === null) return;
    if (a.deadline !== null && o.ctx.now >= a.deadline) {
      // mutex.Unlock(ctx) and the deferred session.Close() both fail on the expired context.
      fact(o, { kind: 'unlock-error', lock: LOCK_NAME, why: 'context deadline exceeded: Unlock and session.Close cannot reach etcd, so the key stays until its lease runs out' });
      if (a.lease !== null) stopKeepalive(o, a.lease, null);
      closeSession(o, a.lease, false);
      return setAttempt(o, 'main', null);
    }
    dropAttempt(o, 'main', true);
  },
  abandon(o) {
    dropAttempt(o, 'main', true);
  },
};

const outcome: MutexOutcome = {
  acquired(o, slot, token, key) {
    if (slot === 'background') return fact(o, { kind: 'acquired', lock: LOCK_NAME, token, key, background: true });
    cancelTimer(o, 'trylock');
    becomeHolder(o, token, key);
  },
  failed(o, slot, why) {
    if (slot === 'background') return setAttempt(o, 'background', null);
    if (attemptIn(o, 'main') !== null) dropAttempt(o, 'main', true);
    cancelTimer(o, 'trylock');
    // The hardened Lock starts over with a new session (up to `retries`); the article's call just returns its error.
    refuse(o, why, !article(o) && !o.s.trying);
  },
};

/** The article's context ended: a Lock still waiting fails (Mutex.Lock deletes its key), and the session's keepalive is over. */
function onContextEnd(o: EtcdClientOut): void {
  const a = o.s.main;
  if (a === null || a.deadline === null || o.ctx.now < a.deadline || a.step === 'held') return;
  if (a.key !== null) ask(o, { op: 'txn', compare: [], success: [{ op: 'delete', key: a.key }], failure: [] }, 'delete', null);
  if (a.lease !== null) stopKeepalive(o, a.lease, 'the Lock call’s context ended, and the keepalive with it');
  closeSession(o, a.lease, false);
  setAttempt(o, 'main', null);
  refuse(o, 'context deadline exceeded', false);
}

/** The article's TryLock gives up waiting: it returns false, and the Lock it started goes on in the background. */
function onTryLockTimeout(o: EtcdClientOut): void {
  const a = o.s.main;
  if (a === null || a.step === 'held' || o.s.phase !== 'acquiring') return;
  if (o.s.background !== null) dropAttempt(o, 'background', false);
  cancelTimer(o, 'resend:main');
  setAttempt(o, 'main', null);
  setAttempt(o, 'background', a);
  const moved = Object.fromEntries(Object.entries(o.s.pending).map(([rid, p]) => [rid, p.slot === 'main' ? { ...p, slot: 'background' as Slot } : p]));
  update(o, { pending: moved });
  if (a.inflight !== null) setTimer(o, 'resend:background', num(o.ctx, 'requestTimeoutMs'));
  fact(o, { kind: 'trylock', lock: LOCK_NAME, ok: false, why: 'timed out; the Lock it started in a goroutine goes on' });
  answer(o, false, 'failed to acquire lock: timed out');
  rest(o);
}

/** A lease this client relies on is gone (hardened only hears of it). */
function onLeaseLost(o: EtcdClientOut, lease: number): void {
  const a = o.s.main;
  if (a === null || a.lease !== lease) return closeSession(o, lease, false);
  if (o.s.phase === 'holding') return lose(o, driver, 'its lease is gone: the session expired');
  outcome.failed(o, 'main', 'session expired while waiting');
}

export const etcdMutexClientProtocol = etcdClientProtocol({
  driver,
  tryLock: true,
  onReply(o, p, m) {
    if (p.slot !== null) onMutexReply(o, p.slot, m.rid, m.res, p.sentAt, outcome);
  },
  onLeaseLost(o, lease) {
    if (rulesOf(o.ctx).tellHolder) onLeaseLost(o, lease);
  },
  timers: { ctx: onContextEnd, trylock: onTryLockTimeout },
});
