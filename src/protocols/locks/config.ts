/**
 * What the lock variants do differently, as named switches, and the parameters the nodes read.
 * Line numbers are those of the seed article's 分布式锁 section (RedisLock lines 836-929,
 * RedLock 931-1043, the usage example and lockWithRetry 1252-1329).
 */
import type { NodeId, StepContext } from '../../sim/node';
import { numberParam } from '../params';

export interface LockRules {
  /**
   * A fresh random value for every acquisition. The article's usage example builds every lock
   * with the one value "unique_value" (line 1262), so any client's unlock deletes any client's
   * lock, and any client's renewal extends it.
   */
  readonly uniqueValue: boolean;
  /** Renew with `PEXPIRE ms`; the article renews with `EXPIRE int(ttl.Seconds())` (line 889), 0 for a TTL under 1 s, which deletes the key. */
  readonly renewInMs: boolean;
  /**
   * The holder learns when a renewal fails or its lease runs out, and stops work. The article's
   * renewal ignores a script answer of 0 and, on an error, logs and returns (lines 892-895): the
   * holder never hears of it.
   */
  readonly tellHolder: boolean;
  /**
   * Redlock's validity time: the lock is held for TTL − elapsed − drift from the moment the SETs
   * went out, and an acquisition whose validity is not positive is released at once. The article
   * counts successes only (lines 999-1002) and never looks at the clock.
   */
  readonly validity: boolean;
  /** Retry after a random delay, so contenders spread out; the article sleeps a fixed `retryDelay` (lines 1008, 1315). */
  readonly randomRetry: boolean;
  /**
   * The article starts a renewal goroutine per instance when that instance's SETNX succeeds
   * (line 870), each with its own ticker and no quorum; an Unlock closes every instance's
   * stopRenew channel, so a retry after a failed round cannot renew (the channel is closed), and
   * a second Unlock closes a closed channel: a Go panic.
   */
  readonly renewalPerInstance: boolean;
  /**
   * RedLock's fencing token is the highest counter among the servers that said yes, and those
   * counters are independent: the next holder's majority may not include the server that gave the
   * highest, so its token can be lower. Hardened, a winner first raises the counter to its token on
   * a majority of the servers that still hold its key, and holds the lock only then; any later
   * majority meets one of them, so a later acquisition gets a higher token. The article has no
   * tokens at all.
   */
  readonly raiseTokens: boolean;
  /** How long one acquisition round waits for replies: the seed's context.WithTimeout of 5 s (line 1302), or `requestTimeoutMs`. */
  readonly acquireTimeoutMs: number;
}

export const VARIANTS = ['hardened', 'article'] as const;

export const ARTICLE_VALUE = 'unique_value';
/** The seed builds each lock with `ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)`. */
const ARTICLE_TIMEOUT_MS = 5000;

export const DEFAULTS = {
  ttlMs: 500,
  workMs: 300,
  writes: 3,
  thinkMs: 200,
  retries: 10,
  retryDelayMs: 100,
  requestTimeoutMs: 50,
  startGapMs: 40,
} as const;

export function num(ctx: StepContext, name: keyof typeof DEFAULTS): number {
  return numberParam(ctx, name, DEFAULTS[name]);
}

export function flag(ctx: StepContext, name: string, fallback: boolean): boolean {
  const value = ctx.params[name];
  return typeof value === 'boolean' ? value : fallback;
}

export function rulesOf(ctx: StepContext): LockRules {
  const hardened = ctx.variant !== 'article';
  return {
    uniqueValue: hardened,
    renewInMs: hardened,
    tellHolder: hardened,
    validity: hardened,
    randomRetry: hardened,
    renewalPerInstance: !hardened,
    raiseTokens: hardened,
    acquireTimeoutMs: hardened ? num(ctx, 'requestTimeoutMs') : ARTICLE_TIMEOUT_MS,
  };
}

/** The Redis servers of a run: every node named r1, r2... in topology order. */
export function serversOf(ctx: StepContext): NodeId[] {
  return ctx.peers.filter((p) => /^r\d+$/.test(p));
}

export const STORAGE_ID = 'storage';

/** Successes needed: N/2 + 1 of the servers (1 of 1 for a single instance). */
export function quorumOf(servers: number): number {
  return Math.floor(servers / 2) + 1;
}

/** Redlock's allowance for clock drift between the servers: TTL × 0.01 + 2 ms. */
export function driftMs(ttlMs: number): number {
  return ttlMs * 0.01 + 2;
}
