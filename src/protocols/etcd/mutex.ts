/**
 * concurrency.Mutex over the etcd server, one attempt per slot: put `L/<lease in hex>` if it does
 * not exist yet (with the session's lease), and read the key with the lowest create revision
 * under `L/`. That key's holder owns the lock. Anyone else waits for the deletion of the key with
 * the highest create revision below its own (only that one, so a release wakes one waiter),
 * then looks again, and owns the lock once nothing older is left and its own key still exists.
 * The token is the key's create revision: the store's global revision only goes up, so a later
 * owner always has a higher one, and the storage can fence by it.
 */
import { LOCK_NAME, MUTEX_PREFIX, num, rulesOf } from './config';
import { answered, ask, askFor, attemptIn, changeAttempt, setAttempt } from './request';
import { closeSession, startSession } from './session';
import { fact, type EtcdClientOut } from './out';
import type { Attempt, Slot } from './clientTypes';
import type { EtcdResponse, KeyView, TxnOp } from './types';

/** What the client does when an attempt ends. */
export interface MutexOutcome {
  acquired(o: EtcdClientOut, slot: Slot, token: number, key: string): void;
  failed(o: EtcdClientOut, slot: Slot, why: string): void;
}

const ownerRange: TxnOp = { op: 'range', prefix: MUTEX_PREFIX, order: 'first-create', limit: 1 };

export function keyOfLease(lease: number): string {
  return MUTEX_PREFIX + lease.toString(16);
}

/** A Lock or TryLock call begins: a new session first (NewSession grants a lease). */
export function startMutex(o: EtcdClientOut, slot: Slot, mode: Attempt['mode'], deadline: number | null): void {
  setAttempt(o, slot, { mode, step: 'granting', lease: null, deadline, key: null, rev: null, behind: null, behindRev: null, inflight: null });
  askFor(o, slot, { op: 'grant', ttlMs: num(o.ctx, 'ttlMs') }, 'grant');
}

function put(o: EtcdClientOut, slot: Slot, lease: number): void {
  const key = keyOfLease(lease);
  changeAttempt(o, slot, { step: 'putting', lease, key });
  askFor(o, slot, {
    op: 'txn',
    compare: [{ key, target: 'create', op: '=', value: 0 }],
    success: [{ op: 'put', key, value: '', lease }, ownerRange],
    failure: [{ op: 'get', key }, ownerRange],
  }, 'put');
}

/** waitDeletes: the newest key older than our own, if any. */
function lookBehind(o: EtcdClientOut, slot: Slot, rev: number): void {
  changeAttempt(o, slot, { step: 'ranging' });
  askFor(o, slot, { op: 'txn', compare: [], success: [{ op: 'range', prefix: MUTEX_PREFIX, order: 'last-create', limit: 1, maxCreateRev: rev - 1 }], failure: [] }, 'range');
}

const kvsOf = (res: EtcdResponse, i: number): readonly KeyView[] => {
  if (res.op !== 'txn') return [];
  const r = res.results[i];
  return r !== undefined && 'kvs' in r ? r.kvs : [];
};

/** Deletes our key and drops the session: the failed TryLock, or a Lock that gave up. */
export function dropAttempt(o: EtcdClientOut, slot: Slot, revoke: boolean): void {
  const a = attemptIn(o, slot);
  if (a === null) return;
  if (a.key !== null && revoke) ask(o, { op: 'txn', compare: [], success: [{ op: 'delete', key: a.key }], failure: [] }, 'delete', null);
  closeSession(o, a.lease, revoke);
  setAttempt(o, slot, null);
}

export function onMutexReply(o: EtcdClientOut, slot: Slot, rid: number, res: EtcdResponse, sentAt: number, outcome: MutexOutcome): void {
  const a = attemptIn(o, slot);
  if (a === null || !answered(o, slot, rid)) return;
  if (res.op === 'grant' && a.step === 'granting') {
    startSession(o, res.lease, res.ttlMs, sentAt, rulesOf(o.ctx).keepaliveBoundToContext ? a.deadline : null);
    return put(o, slot, res.lease);
  }
  if (res.op !== 'txn' && res.op !== 'deleted') return;
  if (a.step === 'putting' && res.op === 'txn') return onPut(o, slot, a, res, outcome);
  if (a.step === 'ranging' && res.op === 'txn') return onBehind(o, slot, a, kvsOf(res, 0)[0] ?? null);
  if (a.step === 'watching' && res.op === 'deleted' && a.rev !== null) return lookBehind(o, slot, a.rev);
  if (a.step === 'checking' && res.op === 'txn') {
    // The wait is over; Lock makes sure its own key still exists (the session may have expired meanwhile).
    if (kvsOf(res, 0).length === 0) return outcome.failed(o, slot, 'session expired: its key is gone');
    return owned(o, slot, a, outcome);
  }
}

function owned(o: EtcdClientOut, slot: Slot, a: Attempt, outcome: MutexOutcome): void {
  changeAttempt(o, slot, { step: 'held' });
  outcome.acquired(o, slot, a.rev ?? 0, a.key ?? '');
}

function onPut(o: EtcdClientOut, slot: Slot, a: Attempt, res: Extract<EtcdResponse, { op: 'txn' }>, outcome: MutexOutcome): void {
  if (res.results.length === 0) return outcome.failed(o, slot, 'requested lease not found: the session expired before its key was put');
  const rev = res.succeeded ? res.revision : (kvsOf(res, 0)[0]?.createRevision ?? null);
  if (rev === null) return outcome.failed(o, slot, 'its key vanished while it was put');
  const now = changeAttempt(o, slot, { rev }) ?? a;
  const owner = kvsOf(res, 1)[0];
  if (owner === undefined || owner.createRevision === rev) return owned(o, slot, now, outcome);
  if (a.mode === 'trylock' && rulesOf(o.ctx).tryLockFailsFast) {
    dropAttempt(o, slot, true);
    return outcome.failed(o, slot, `mutex: Locked by another session (${owner.key}, revision ${owner.createRevision})`);
  }
  lookBehind(o, slot, rev);
}

function onBehind(o: EtcdClientOut, slot: Slot, a: Attempt, older: KeyView | null): void {
  if (older === null) {
    changeAttempt(o, slot, { step: 'checking', behind: null, behindRev: null });
    return askFor(o, slot, { op: 'txn', compare: [], success: [{ op: 'get', key: a.key ?? '' }], failure: [] }, 'check');
  }
  if (older.key !== a.behind) fact(o, { kind: 'queued', lock: LOCK_NAME, key: a.key, rev: a.rev, behind: older.key, behindRev: older.createRevision });
  changeAttempt(o, slot, { step: 'watching', behind: older.key, behindRev: older.createRevision });
  askFor(o, slot, { op: 'watch', key: older.key, createRevision: older.createRevision }, 'watch');
}
