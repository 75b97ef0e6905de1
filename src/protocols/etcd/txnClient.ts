/**
 * The etcd-txn-lock lab's client: EtcdTransactionLock. Lock grants a lease, keeps it alive, and
 * puts the lock key with that lease in a transaction guarded by `Version(L) = 0`; a key that
 * exists means "lock already held" (no waiting: the seed's lockWithRetry tries again after
 * `retryDelayMs`, up to `retries` times). Unlock deletes the key in a guarded transaction and
 * revokes the lease. The token is the key's create revision.
 * - Article: the keepalive runs under the Lock call's context, and lockWithRetry cancels that
 *   context as soon as Lock returns, so the lease lapses a TTL later under a holder that works on
 *   and is never told. The value is the caller's: the usage example's one constant for everyone,
 *   so Unlock's `Value(L) = value` matches another client's key. A failed compare returns before
 *   Revoke, leaving the lease to run out.
 * - Hardened: a value of its own per acquisition (its lease id), keepalive for the whole hold,
 *   Unlock compares the key's create revision and always revokes, and the holder stops as soon as
 *   its lease is gone or unproven.
 */
import { ARTICLE_VALUE, LOCK_NAME, num, rulesOf } from './config';
import { becomeHolder, lose, refuse, type LockDriver } from './cycle';
import { etcdClientProtocol } from './clientNode';
import { answered, ask, askFor, setAttempt, changeAttempt } from './request';
import { closeSession, startSession, stopKeepalive } from './session';
import { fact, setTimer, update, type EtcdClientOut } from './out';
import type { Pending } from './clientTypes';
import type { Compare, EtcdResponse, FromEtcd } from './types';

const contextBound = (o: EtcdClientOut): boolean => rulesOf(o.ctx).keepaliveBoundToContext;

/** Unlock's transaction: delete the key if it is still ours, by value (article) or by create revision (hardened). */
function unlockTxn(o: EtcdClientOut): void {
  const a = o.s.main;
  if (a === null) return;
  const guard: Compare = rulesOf(o.ctx).unlockComparesRevision ? { key: LOCK_NAME, target: 'create', op: '=', value: a.rev ?? -1 } : { key: LOCK_NAME, target: 'value', op: '=', value: o.s.value ?? '' };
  ask(o, { op: 'txn', compare: [guard], success: [{ op: 'delete', key: LOCK_NAME }], failure: [] }, 'unlock', null, a.lease);
  // Hardened: revoke whatever the compare says. The article revokes only after a successful compare (onUnlockReply).
  if (rulesOf(o.ctx).alwaysRevoke) closeSession(o, a.lease, true);
  else closeSession(o, a.lease, false);
  setAttempt(o, 'main', null);
}

const driver: LockDriver = {
  begin(o) {
    // lockWithRetry: `context.WithTimeout(context.Background(), 5*time.Second)` for each call of Lock (line 1302).
    const deadline = contextBound(o) ? o.ctx.now + num(o.ctx, 'contextMs') : null;
    setAttempt(o, 'main', { mode: 'lock', step: 'granting', lease: null, deadline, key: LOCK_NAME, rev: null, behind: null, behindRev: null, inflight: null });
    askFor(o, 'main', { op: 'grant', ttlMs: num(o.ctx, 'ttlMs') }, 'grant');
    if (deadline !== null) setTimer(o, 'ctx', deadline - o.ctx.now);
  },
  unlock: unlockTxn,
  abandon: unlockTxn,
};

/** Lock returned: lockWithRetry calls cancel() at once, and the article's keepalive ends with that context. */
function lockReturned(o: EtcdClientOut, lease: number | null): void {
  if (contextBound(o) && lease !== null) stopKeepalive(o, lease, 'lockWithRetry cancels the Lock context as Lock returns, and the keepalive with it');
}

function onLockReply(o: EtcdClientOut, rid: number, res: EtcdResponse, sentAt: number): void {
  const a = o.s.main;
  if (a === null || !answered(o, 'main', rid)) return;
  if (res.op === 'grant' && a.step === 'granting') {
    startSession(o, res.lease, res.ttlMs, sentAt, a.deadline);
    update(o, { value: rulesOf(o.ctx).uniqueValue ? `${o.ctx.id}:${res.lease}` : ARTICLE_VALUE });
    changeAttempt(o, 'main', { step: 'putting', lease: res.lease });
    return askFor(o, 'main', { op: 'txn', compare: [{ key: LOCK_NAME, target: 'version', op: '=', value: 0 }], success: [{ op: 'put', key: LOCK_NAME, value: o.s.value ?? '', lease: res.lease }], failure: [] }, 'put');
  }
  if (res.op !== 'txn' || a.step !== 'putting') return;
  lockReturned(o, a.lease);
  if (!res.succeeded) {
    // `etl.client.Revoke(ctx, etl.lease); return fmt.Errorf("lock already held")` (lines 1212-1215).
    closeSession(o, a.lease, true);
    setAttempt(o, 'main', null);
    return refuse(o, 'lock already held', true);
  }
  changeAttempt(o, 'main', { step: 'held', rev: res.revision });
  becomeHolder(o, res.revision, LOCK_NAME);
}

function onUnlockReply(o: EtcdClientOut, p: Pending, res: EtcdResponse): void {
  if (res.op !== 'txn') return;
  if (res.succeeded) {
    if (!rulesOf(o.ctx).alwaysRevoke && p.lease !== null) ask(o, { op: 'revoke', lease: p.lease }, 'revoke', null, p.lease);
    return;
  }
  const left = rulesOf(o.ctx).alwaysRevoke ? 'its lease is revoked all the same' : 'Unlock returns before Revoke, so the lease is left to run out';
  fact(o, { kind: 'unlock-error', lock: LOCK_NAME, lease: p.lease, why: `lock not held by this instance; ${left}` });
}

/** The article's Lock context ended before Lock returned: Grant or Txn fails, and Revoke on that context cannot be sent. */
function onContextEnd(o: EtcdClientOut): void {
  const a = o.s.main;
  if (a === null || a.deadline === null || o.ctx.now < a.deadline || a.step === 'held') return;
  closeSession(o, a.lease, false);
  setAttempt(o, 'main', null);
  refuse(o, 'context deadline exceeded', true);
}

function onLeaseLost(o: EtcdClientOut, lease: number): void {
  const a = o.s.main;
  if (a === null || a.lease !== lease) return closeSession(o, lease, false);
  if (o.s.phase === 'holding') return lose(o, driver, 'its lease is gone: keepalive answered that the server no longer knows it, or none was answered within the TTL');
  closeSession(o, lease, false);
  setAttempt(o, 'main', null);
  refuse(o, 'its lease expired before the lock was taken', true);
}

export const etcdTxnClientProtocol = etcdClientProtocol({
  driver,
  tryLock: false,
  onReply(o: EtcdClientOut, p: Pending, m: FromEtcd) {
    if (p.purpose === 'unlock') onUnlockReply(o, p, m.res);
    else if (p.slot === 'main') onLockReply(o, m.rid, m.res, p.sentAt);
  },
  onLeaseLost(o, lease) {
    if (rulesOf(o.ctx).tellHolder) onLeaseLost(o, lease);
  },
  timers: { ctx: onContextEnd },
});
