/**
 * A limiter's clock jumps or runs fast. Go's time.Since reads the monotonic clock, which a step of
 * the wall clock does not move but a fast oscillator does; a node here has one clock, which both
 * move. The checkers measure windows on the gate's own clock, the one it keeps its promise by.
 */
import { describe, expect, it } from 'vitest';
import { slidingWindowLab } from '../../src/labs/sliding-window/lab';
import { tokenBucketLab } from '../../src/labs/token-bucket/lab';
import type { BucketNodeState } from '../../src/protocols/traffic';
import type { Action } from '../../src/sim/actions';
import type { LabDefinition } from '../../src/labs/contract/lab';
import type { ParamValue } from '../../src/sim/node';
import { runUntil } from '../../src/runtime/inProcess';
import { record } from '../helpers';
import { admitted, admittedRate, stateOf } from './scenarioFacts';

function run(lab: LabDefinition, params: Record<string, ParamValue>, actions: Action[], untilMs: number) {
  const r = record({ variant: 'hardened', params, actions }, {}, lab);
  while (runUntil(r.sim, r.stepper, untilMs) === 'halted') r.sim.clearHalt();
  return r;
}

const violations = (r: ReturnType<typeof run>) => r.events.flatMap((e) => (e.type === 'violation' ? [`${e.rule} at ${e.t}`] : []));
const jump = (at: number, node: string, ms: number): Action => ({ at, kind: 'skew', node, ms });
const drift = (at: number, node: string, rate: number): Action => ({ at, kind: 'drift', node, rate });

/** Far more asked than the bucket's 10 a second, so it lets through what its clock refills. */
const BUSY_BUCKET = { clients: 2, load: 'constant', clientIntervalMs: 20, capacity: 10, refillPerSec: 10 };

describe('a token bucket whose clock jumps or drifts', () => {
  it('Clock +1 s at 3 s: the bucket refills a second\'s tokens at once, and keeps its bound by its own clock', () => {
    const r = run(tokenBucketLab, BUSY_BUCKET, [jump(3000, 'bucket', 1000)], 6000);
    expect(violations(r)).toEqual([]);
    // The second its clock skipped refilled 10 tokens: the next 10 requests (100 a second) pass.
    expect(admitted(r.events, 'bucket').filter((f) => f.t >= 3000 && f.t < 3100).length).toBeGreaterThanOrEqual(10);
    expect(admittedRate(r.events, 3500, 6000, 'bucket')).toBeCloseTo(10, 0);
  });

  it('Clock −1 s: a clock set back adds no tokens, and the bucket goes on at its rate', () => {
    const r = run(tokenBucketLab, BUSY_BUCKET, [jump(3000, 'bucket', -1000)], 6000);
    expect(violations(r)).toEqual([]);
    expect(admittedRate(r.events, 3000, 6000, 'bucket')).toBeCloseTo(10, 0);
  });

  it('Clock runs 1.5× fast: 15 a real second pass, 10 a second of its own clock, and no bound is broken', () => {
    const r = run(tokenBucketLab, BUSY_BUCKET, [drift(2000, 'bucket', 1.5)], 8000);
    expect(violations(r)).toEqual([]);
    expect(admittedRate(r.events, 3000, 8000, 'bucket')).toBeCloseTo(15, 0);
    expect(stateOf<BucketNodeState>(r, 'bucket').bucket.tokens).toBeLessThan(1);
  });
});

describe('a sliding log whose clock jumps or drifts', () => {
  const BUSY_LOG = { clients: 1, load: 'constant', clientIntervalMs: 20, limit: 10, windowMs: 1000 };

  it('Clock +1 s: the log\'s entries age out at once, and its limit holds by its own clock', () => {
    const r = run(slidingWindowLab, BUSY_LOG, [jump(3000, 'log', 1000)], 5000);
    expect(violations(r)).toEqual([]);
    expect(admitted(r.events, 'log').filter((f) => f.t >= 3000 && f.t < 3200).length).toBe(10);
  });

  it('Clock runs 1.5× fast: 15 a real second pass, and no window holds more than 10', () => {
    const r = run(slidingWindowLab, BUSY_LOG, [drift(1000, 'log', 1.5)], 6000);
    expect(violations(r)).toEqual([]);
    expect(admittedRate(r.events, 2000, 6000, 'log')).toBeCloseTo(15, 0);
  });
});
