/**
 * `bucket-bound`: a token bucket of capacity b and rate r lets at most b + r × W requests through
 * in any window of W ms. Checked with a shadow bucket that keeps exact fractions and starts full:
 * it runs dry (goes below zero) exactly when some window holds more than the bound. The article's
 * lost fractions let fewer through; a new bucket per request breaks it at once. A bucket keeps its
 * tokens in memory, so a restarted one starts full: the bound holds per life of the node.
 *
 * Windows are measured on the bucket's own clock (gateClock.ts), the one it refills by: a clock
 * that runs fast lets more through per real second, as a real limiter's would, and that is not a
 * broken promise. A clock set back neither adds tokens nor owes them, as in the bucket: the shadow
 * moves back with it.
 */
import type { Checker } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { admittedBy } from './decisions';
import { gateTime, noteClock, type GateClocks } from './gateClock';

export interface BucketBound {
  readonly capacity: number;
  readonly ratePerSec: number;
}

type Shadow = { tokens: number; last: number; times: number[] };
export type BucketBoundState = { readonly shadows: Record<string, Shadow>; readonly clocks: GateClocks; [key: string]: Json };

/** Admissions kept for the violation's message; the shadow bucket alone decides. */
const TIMES_KEPT = 1000;
const EPSILON = 1e-9;

/** The window ending at the last admission that holds the most over its bound. */
function worstWindow(times: readonly number[], bound: BucketBound): { count: number; fromMs: number; allowedCount: number } {
  const end = times[times.length - 1] as number;
  let worst = { count: 0, fromMs: end, allowedCount: 0, excess: -Infinity };
  for (let i = times.length - 1; i >= 0; i--) {
    const from = times[i] as number;
    const count = times.length - i;
    const allowedCount = bound.capacity + (bound.ratePerSec * (end - from)) / 1000;
    if (count - allowedCount > worst.excess) worst = { count, fromMs: from, allowedCount, excess: count - allowedCount };
  }
  return worst;
}

export function bucketBoundChecker(bound: BucketBound): Checker<BucketBoundState> {
  return {
    rule: 'bucket-bound',
    description: `The token bucket lets at most ${bound.capacity} + ${bound.ratePerSec}/s × W requests through in any window of W on its own clock.`,
    init: () => ({ shadows: {}, clocks: {} }),
    observe(state, event, view) {
      if (event.type === 'crash') {
        delete state.shadows[event.node];
        return { state };
      }
      const clock = noteClock(state.clocks, event);
      if (clock !== null) {
        const shadow = state.shadows[clock.node];
        if (shadow !== undefined && clock.jumpMs < 0) state.shadows[clock.node] = { ...shadow, last: shadow.last + clock.jumpMs, times: shadow.times.map((t) => t + clock.jumpMs) };
        return { state };
      }
      const admitted = admittedBy(event, view, 'token-bucket');
      if (admitted === null) return { state };
      const now = gateTime(state.clocks, admitted.node, event.t);
      const prev = state.shadows[admitted.node] ?? { tokens: bound.capacity, last: now, times: [] };
      const refilled = Math.min(bound.capacity, prev.tokens + (bound.ratePerSec * Math.max(0, now - prev.last)) / 1000);
      const times = prev.times.length >= TIMES_KEPT ? prev.times.slice(1) : prev.times;
      // Replaced in place: the kernel clones checker state when it checkpoints.
      const shadow = { tokens: refilled - 1, last: now, times: [...times, now] };
      state.shadows[admitted.node] = shadow;
      // Event times are whole µs, so a reservation timed to the exact fraction of a token may
      // land up to half a µs early at either end of a window, and the bucket's local time,
      // rounded again, half a µs of its own clock more for each µs it runs per µs of virtual time.
      const slackUs = 1 + (state.clocks[admitted.node]?.rate ?? 1);
      if (shadow.tokens >= -(EPSILON + (bound.ratePerSec * slackUs) / 1e6)) return { state };
      const w = worstWindow(shadow.times, bound);
      const ms = Math.round((now - w.fromMs) * 1000) / 1000;
      return { state, violation: { nodes: [admitted.node], detail: `${admitted.node} let ${w.count} requests through in ${ms} ms; the bound is ${bound.capacity} + ${bound.ratePerSec}/s × ${ms} ms = ${Math.floor(w.allowedCount * 1000) / 1000}` } };
    },
  };
}
