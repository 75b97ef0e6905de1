/** The traffic checkers on hand-made event sequences: what passes, and what they catch. */
import { describe, expect, it } from 'vitest';
import { bucketBoundChecker, halfOpenLimitChecker, noLostTaskChecker, windowLimitChecker } from '../../src/check/traffic';
import type { CheckView, Checker } from '../../src/sim/checker';
import type { Json, JsonObject } from '../../src/sim/json';
import type { TraceEvent } from '../../src/sim/trace';

const view = (kinds: Record<string, string>): CheckView => ({
  nodes: Object.fromEntries(Object.entries(kinds).map(([id, kind]) => [id, { id, kind, status: 'up' as const, state: null, persisted: {} }])),
});

let seq = 0;
const output = (t: number, node: string, fact: JsonObject): TraceEvent => ({ t, seq: ++seq, type: 'output', node, fact });

/** Feeds events in order; returns the first violation's detail, or null. */
function firstViolation<S extends Json>(checker: Checker<S>, events: readonly TraceEvent[], v: CheckView): string | null {
  let state = checker.init();
  for (const e of events) {
    const seen = checker.observe(state, e, v);
    state = seen.state;
    if (seen.violation !== undefined) return seen.violation.detail;
  }
  return null;
}

const allow = (t: number, node = 'bucket', extra: JsonObject = {}) => output(t, node, { kind: 'decision', key: 'k', allowed: true, ...extra });

describe('bucket-bound', () => {
  const checker = bucketBoundChecker({ capacity: 10, ratePerSec: 10 });
  const v = view({ bucket: 'token-bucket', other: 'client' });

  it('allows the capacity at once, then the rate', () => {
    const events = [...Array.from({ length: 10 }, () => allow(0)), ...Array.from({ length: 10 }, (_, i) => allow(100 * (i + 1)))];
    expect(firstViolation(checker, events, v)).toBeNull();
  });

  it('catches one more than capacity + rate × W, and names the window', () => {
    const events = [...Array.from({ length: 10 }, () => allow(0)), allow(50)];
    expect(firstViolation(checker, events, v)).toBe('bucket let 11 requests through in 50 ms; the bound is 10 + 10/s × 50 ms = 10.5');
  });

  it('starts over when the bucket crashes (a restarted bucket starts full)', () => {
    const crash: TraceEvent = { t: 5, seq: ++seq, type: 'crash', node: 'bucket' };
    const events = [...Array.from({ length: 10 }, () => allow(0)), crash, ...Array.from({ length: 10 }, () => allow(10))];
    expect(firstViolation(checker, events, v)).toBeNull();
    expect(firstViolation(checker, events.filter((e) => e !== crash), v)).not.toBeNull();
  });

  it('only counts token-bucket nodes\' decisions that let a request through', () => {
    const events = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? allow(0, 'other') : output(0, 'bucket', { kind: 'decision', allowed: false })));
    expect(firstViolation(checker, events, v)).toBeNull();
  });
});

describe('window-limit', () => {
  const checker = windowLimitChecker({ limit: 3, windowMs: 1000 });
  const v = view({ log: 'sliding-log', fixed: 'fixed-window' });

  it('holds for at most the limit per key in any trailing window, and ignores the fixed window', () => {
    const events = [allow(0, 'log'), allow(1, 'log'), allow(2, 'log'), allow(1000, 'log'), allow(3, 'log', { key: 'other' }), ...[0, 1, 2, 3, 4].map((t) => allow(t, 'fixed'))];
    expect(firstViolation(checker, events, v)).toBeNull();
  });

  it('catches a fourth within one window', () => {
    expect(firstViolation(checker, [allow(0, 'log'), allow(1, 'log'), allow(2, 'log'), allow(999, 'log')], v)).toContain('let 4 requests of key k through');
  });
});

describe('half-open-limit', () => {
  const checker = halfOpenLimitChecker(2);
  const v = view({ breaker: 'breaker' });
  const probe = (t: number, generation: number) => output(t, 'breaker', { kind: 'decision', allowed: true, state: 'half-open', generation });

  it('counts per half-open generation', () => {
    expect(firstViolation(checker, [probe(0, 2), probe(1, 2), probe(5, 4), probe(6, 4)], v)).toBeNull();
  });

  it('catches a third probe in one generation', () => {
    expect(firstViolation(checker, [probe(0, 2), probe(1, 2), probe(2, 2)], v)).toContain('3 calls through while half-open (generation 2)');
  });
});

describe('no-lost-task', () => {
  const v = view({ pool: 'pool' });
  const task = (id: string, event: string) => output(0, 'pool', { kind: 'task', id, event });
  const stopped = output(1, 'pool', { kind: 'pool', state: 'stopped', queued: 0 });

  it('holds when every queued task ended before the pool stopped', () => {
    expect(firstViolation(noLostTaskChecker, [task('a', 'queued'), task('b', 'queued'), task('a', 'done'), task('b', 'panicked'), stopped], v)).toBeNull();
  });

  it('catches a task queued and never run', () => {
    expect(firstViolation(noLostTaskChecker, [task('a', 'queued'), task('b', 'queued'), task('a', 'failed'), stopped], v)).toBe('pool stopped with 1 accepted tasks never run: b');
  });

  it('forgets what a crash took with it', () => {
    const crash: TraceEvent = { t: 0, seq: ++seq, type: 'crash', node: 'pool' };
    expect(firstViolation(noLostTaskChecker, [task('a', 'queued'), crash, stopped], v)).toBeNull();
  });
});
