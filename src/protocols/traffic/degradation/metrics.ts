/**
 * The numbers a degradation strategy decides by: error rate and average latency, two ways.
 *
 * The article (seed `Metrics`): `requestCount` counts every request, fallbacks included, and
 * `errorCount` every failed primary call, over the whole lifetime; the "average" is
 * `(avg + d) / 2`, a moving average that weighs the last call half, and it only moves when a
 * primary call succeeds. Once the average is over 2 s every request falls back, no primary call
 * runs, and the average never comes down: recovery depends on traffic (for the error rate) or
 * never comes (for latency), not on time.
 *
 * The hardened one counts primary calls in a rolling window of one-second buckets: old buckets
 * fall out as time passes, so a degraded strategy tries the primary again once the window has
 * emptied, and needs a few samples before it degrades.
 */
export type ArticleMetrics = { readonly requests: number; readonly errors: number; readonly avgMs: number };

export type WindowBucket = { readonly start: number; readonly calls: number; readonly errors: number; readonly okCalls: number; readonly latencySumMs: number };
export type RollingMetrics = { readonly buckets: readonly WindowBucket[] };

export type Thresholds = {
  readonly errorRate: number;
  readonly latencyMs: number;
  /** Rolling window only: its length, and the fewest calls it decides on. */
  readonly windowMs: number;
  readonly minSamples: number;
};

export type Reading = {
  readonly errorRate: number;
  readonly avgLatencyMs: number;
  readonly samples: number;
};

export const BUCKET_MS = 1000;

export function articleReading(m: ArticleMetrics): Reading {
  return { errorRate: m.requests > 0 ? m.errors / m.requests : 0, avgLatencyMs: m.avgMs, samples: m.requests };
}

export function articleRecord(m: ArticleMetrics, ok: boolean, latencyMs: number): ArticleMetrics {
  return ok ? { ...m, avgMs: (m.avgMs + latencyMs) / 2 } : { ...m, errors: m.errors + 1 };
}

/** The seed's `shouldDegrade`: strictly above either threshold. */
export function degrades(r: Reading, t: Thresholds): boolean {
  return r.errorRate > t.errorRate || r.avgLatencyMs > t.latencyMs;
}

/** Buckets still inside the window ending at `now`. */
export function liveBuckets(m: RollingMetrics, t: Thresholds, now: number): WindowBucket[] {
  return m.buckets.filter((b) => b.start > now - t.windowMs);
}

export function rollingReading(m: RollingMetrics, t: Thresholds, now: number): Reading {
  const live = liveBuckets(m, t, now);
  const calls = live.reduce((n, b) => n + b.calls, 0);
  const errors = live.reduce((n, b) => n + b.errors, 0);
  const okCalls = live.reduce((n, b) => n + b.okCalls, 0);
  const latency = live.reduce((n, b) => n + b.latencySumMs, 0);
  return { errorRate: calls > 0 ? errors / calls : 0, avgLatencyMs: okCalls > 0 ? latency / okCalls : 0, samples: calls };
}

export function rollingDegrades(m: RollingMetrics, t: Thresholds, now: number): boolean {
  const r = rollingReading(m, t, now);
  return r.samples >= t.minSamples && degrades(r, t);
}

export function rollingRecord(m: RollingMetrics, t: Thresholds, now: number, ok: boolean, latencyMs: number): RollingMetrics {
  const start = Math.floor(now / BUCKET_MS) * BUCKET_MS;
  const live = liveBuckets(m, t, now);
  const last = live[live.length - 1];
  const base = last !== undefined && last.start === start ? last : { start, calls: 0, errors: 0, okCalls: 0, latencySumMs: 0 };
  const next: WindowBucket = {
    start,
    calls: base.calls + 1,
    errors: base.errors + (ok ? 0 : 1),
    okCalls: base.okCalls + (ok ? 1 : 0),
    latencySumMs: base.latencySumMs + (ok ? latencyMs : 0),
  };
  return { buckets: [...(base === last ? live.slice(0, -1) : live), next] };
}
