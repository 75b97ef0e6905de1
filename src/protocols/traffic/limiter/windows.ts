/**
 * Window limiters, per key: at most `limit` requests per `windowMs`. Three ways to count:
 *
 * - sliding log (seed `SlidingWindowRateLimiter`): the time of every request let through in the
 *   last window. Exact; memory per key is at most `limit` timestamps. The seed drops entries
 *   `Before(cutoff)`, so one exactly a window old still counts.
 * - fixed window: a counter per window aligned on multiples of `windowMs`. Cheap, but a burst at
 *   the end of one window and another at the start of the next pass 2 × limit within a moment.
 * - sliding-window counter: the current window's count plus the previous one's, weighted by how
 *   much of it still overlaps the last `windowMs`; an estimate between the two.
 */
export type WindowAlgorithm = 'sliding-log' | 'fixed-window' | 'sliding-counter';

export type KeyWindow = {
  /** Sliding log: times of the requests let through, oldest first. */
  readonly log: readonly number[];
  /** Fixed window and counter: where the current window began, its count and the previous window's. */
  readonly start: number;
  readonly count: number;
  readonly prev: number;
  /**
   * The latest time a request with this key came. A clock set back does not move it back: the
   * key's log may still hold a later time, and it must not look idle while that is in its window.
   */
  readonly lastSeen: number;
};

export type WindowConfig = {
  readonly limit: number;
  readonly windowMs: number;
};

export function emptyWindow(now: number): KeyWindow {
  return { log: [], start: now, count: 0, prev: 0, lastSeen: now };
}

export interface WindowDecision {
  readonly window: KeyWindow;
  readonly allowed: boolean;
  /** The count this algorithm compared with the limit (after the decision). */
  readonly level: number;
}

function slidingLog(w: KeyWindow, c: WindowConfig, now: number): WindowDecision {
  const cutoff = now - c.windowMs;
  let first = 0;
  while (first < w.log.length && (w.log[first] as number) < cutoff) first++;
  const log = w.log.slice(first);
  if (log.length >= c.limit) return { window: { ...w, log }, allowed: false, level: log.length };
  return { window: { ...w, log: [...log, now] }, allowed: true, level: log.length + 1 };
}

/** Rolls the counters forward to the window holding `now`. */
export function roll(w: KeyWindow, c: WindowConfig, now: number): KeyWindow {
  const start = Math.floor(now / c.windowMs) * c.windowMs;
  if (start === w.start) return w;
  const prev = start - w.start === c.windowMs ? w.count : 0;
  return { ...w, start, count: 0, prev };
}

function fixedWindow(w: KeyWindow, c: WindowConfig, now: number): WindowDecision {
  const r = roll(w, c, now);
  if (r.count >= c.limit) return { window: r, allowed: false, level: r.count };
  return { window: { ...r, count: r.count + 1 }, allowed: true, level: r.count + 1 };
}

/** The sliding-window counter's weight for the previous window: how much of it is still inside the last `windowMs`. */
export function previousWeight(w: KeyWindow, c: WindowConfig, now: number): number {
  return 1 - (now - w.start) / c.windowMs;
}

function estimate(w: KeyWindow, c: WindowConfig, now: number): number {
  return w.prev * previousWeight(w, c, now) + w.count;
}

function slidingCounter(w: KeyWindow, c: WindowConfig, now: number): WindowDecision {
  const r = roll(w, c, now);
  const level = estimate(r, c, now);
  if (level + 1 > c.limit) return { window: r, allowed: false, level };
  return { window: { ...r, count: r.count + 1 }, allowed: true, level: level + 1 };
}

function decideBy(algorithm: WindowAlgorithm, w: KeyWindow, c: WindowConfig, now: number): WindowDecision {
  switch (algorithm) {
    case 'sliding-log':
      return slidingLog(w, c, now);
    case 'fixed-window':
      return fixedWindow(w, c, now);
    case 'sliding-counter':
      return slidingCounter(w, c, now);
  }
}

export function decideWindow(algorithm: WindowAlgorithm, w: KeyWindow, c: WindowConfig, now: number): WindowDecision {
  const d = decideBy(algorithm, w, c, now);
  return { ...d, window: { ...d.window, lastSeen: Math.max(w.lastSeen, now) } };
}

/**
 * What the algorithm would compare with the limit for a request at `now`, without taking one:
 * the log's entries still inside the window, the fixed window's count, the counter's estimate.
 */
export function levelAt(algorithm: WindowAlgorithm, w: KeyWindow, c: WindowConfig, now: number): number {
  if (algorithm === 'sliding-log') return w.log.filter((t) => t >= now - c.windowMs).length;
  const r = roll(w, c, now);
  return algorithm === 'fixed-window' ? r.count : estimate(r, c, now);
}

/** A key idle this long has no request left in any window of any algorithm, so forgetting it changes no decision. */
export function idleAfterMs(c: WindowConfig): number {
  return 2 * c.windowMs;
}
