/**
 * Token bucket arithmetic, both ways. Times are local ms, rates tokens per second.
 *
 * The article (seed, `TokenBucket.Allow`) adds whole tokens only, `int64(elapsed * refillRate)`,
 * and then sets `lastRefill = now`: the fraction of a token earned since the last whole one is
 * thrown away at every refill, so callers that come more often than one token's time but not
 * exactly on it see a rate below the configured one. With calls every 70 ms against 10 tokens/s,
 * a call after 70 ms adds int(0.7) = 0 tokens, the next after 140 ms adds int(1.4) = 1 and loses
 * 0.4: one call in two passes, about 7.1 per second. It also leaves `lastRefill` alone while
 * no whole token is due, even when the bucket is full, so time spent full counts toward the next
 * token: after a pause, capacity + 1 requests can pass in less than one token's time.
 *
 * The hardened bucket keeps fractional tokens and lets a Wait reserve a token that is not there
 * yet (the level goes negative and the caller is told how long to wait), as golang.org/x/time/rate
 * does.
 */
export type Bucket = { readonly tokens: number; readonly last: number };

export type BucketConfig = {
  readonly capacity: number;
  readonly ratePerSec: number;
};

export function fullBucket(config: BucketConfig, now: number): Bucket {
  return { tokens: config.capacity, last: now };
}

/** The seed's `Allow`, step for step. */
export function articleAllow(b: Bucket, config: BucketConfig, now: number): { bucket: Bucket; allowed: boolean } {
  const elapsedSec = (now - b.last) / 1000;
  const tokensToAdd = Math.trunc(elapsedSec * config.ratePerSec);
  let bucket = b;
  if (tokensToAdd > 0) bucket = { tokens: Math.min(config.capacity, b.tokens + tokensToAdd), last: now };
  if (bucket.tokens > 0) return { bucket: { ...bucket, tokens: bucket.tokens - 1 }, allowed: true };
  return { bucket, allowed: false };
}

/** The level at `now`, fractions kept. A clock that went backwards adds nothing (x/time/rate does the same). */
export function advance(b: Bucket, config: BucketConfig, now: number): Bucket {
  if (now <= b.last) return { tokens: b.tokens, last: now };
  return { tokens: Math.min(config.capacity, b.tokens + ((now - b.last) / 1000) * config.ratePerSec), last: now };
}

export function hardenedAllow(b: Bucket, config: BucketConfig, now: number): { bucket: Bucket; allowed: boolean } {
  const bucket = advance(b, config, now);
  if (bucket.tokens >= 1) return { bucket: { ...bucket, tokens: bucket.tokens - 1 }, allowed: true };
  return { bucket, allowed: false };
}

/**
 * Reserves one token, waiting at most `maxWaitMs` for it: `waitMs` is when the token is there.
 * A reservation that would wait longer is not made, and the bucket is left as it was.
 */
export function reserve(b: Bucket, config: BucketConfig, now: number, maxWaitMs: number): { bucket: Bucket; waitMs: number | null } {
  const advanced = advance(b, config, now);
  const tokens = advanced.tokens - 1;
  // Rounded up to whole microseconds (the simulation's grid), so the token is there when the wait ends.
  const waitMs = tokens >= 0 ? 0 : Math.ceil((-tokens / config.ratePerSec) * 1_000_000) / 1000;
  if (waitMs > maxWaitMs) return { bucket: advanced, waitMs: null };
  return { bucket: { ...advanced, tokens }, waitMs };
}
