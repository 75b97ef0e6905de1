/**
 * What the etcd lock variants do differently, as named switches, and the parameters the nodes
 * read. Line numbers are those of the seed article's 分布式锁 section (EtcdLock lines 1052-1143,
 * EtcdTransactionLock 1151-1249, the usage example and lockWithRetry 1252-1329).
 */
import type { StepContext } from '../../sim/node';
import { numberParam } from '../params';

export const ETCD_ID = 'etcd';
export const VARIANTS = ['hardened', 'article'] as const;
/** The one lock: the txn lock's key, and the mutex's prefix (`L/` + lease id in hex). */
export const LOCK_NAME = 'L';
export const MUTEX_PREFIX = `${LOCK_NAME}/`;
/** The seed's usage example passes one constant value; the txn lock compares it on Unlock. */
export const ARTICLE_VALUE = 'unique_value';

export const ETCD_DEFAULTS = {
  /** The seed uses 10 s leases and a 5 s context; the lab keeps that ratio at a tenth of the scale. */
  ttlMs: 1000,
  contextMs: 500,
  workMs: 300,
  writes: 3,
  thinkMs: 200,
  retries: 10,
  retryDelayMs: 100,
  requestTimeoutMs: 100,
  tryLockMs: 300,
  startGapMs: 40,
} as const;

export function num(ctx: StepContext, name: keyof typeof ETCD_DEFAULTS): number {
  return numberParam(ctx, name, ETCD_DEFAULTS[name]);
}

export interface EtcdLockRules {
  /**
   * The session's (or the txn lock's) keepalive runs under the Lock call's context and stops
   * when it ends. EtcdLock passes `concurrency.WithContext(ctx)` (line 1072), and clientv3 ties
   * the keepalive to that context; the txn lock calls `KeepAlive(ctx, lease)` (line 1177) and its
   * goroutine returns on `ctx.Done()`. Hardened: keepalive for as long as the lock is held.
   */
  readonly keepaliveBoundToContext: boolean;
  /** The holder hears when its lease is gone (a keepalive answered "not found", or none answered within the TTL) and stops work. */
  readonly tellHolder: boolean;
  /** TryLock puts its key, and if it is not the owner deletes it and fails at once (etcd's Mutex.TryLock). The article waits in a goroutine it cannot stop. */
  readonly tryLockFailsFast: boolean;
  /** Txn lock: a value of its own per acquisition. The article uses the caller's value, the usage example's constant. */
  readonly uniqueValue: boolean;
  /** Txn lock: Unlock compares the key's create revision (its own put); the article compares the value (line 1228). */
  readonly unlockComparesRevision: boolean;
  /** Txn lock: revoke the lease whatever the compare said; the article returns before Revoke when the compare fails (line 1240). */
  readonly alwaysRevoke: boolean;
  /** Retry after a random delay around `retryDelayMs`; the article sleeps a fixed delay (lines 1309, 1317). */
  readonly randomRetry: boolean;
}

export function rulesOf(ctx: StepContext): EtcdLockRules {
  const hardened = ctx.variant !== 'article';
  return {
    keepaliveBoundToContext: !hardened,
    tellHolder: hardened,
    tryLockFailsFast: hardened,
    uniqueValue: hardened,
    unlockComparesRevision: hardened,
    alwaysRevoke: hardened,
    randomRetry: hardened,
  };
}

export function flag(ctx: StepContext, name: string, fallback: boolean): boolean {
  const value = ctx.params[name];
  return typeof value === 'boolean' ? value : fallback;
}
