/**
 * Property tests: the hardened locks with fencing on, under heavy random faults (crashes with
 * restarts, pauses, partitions, loss, duplication, latency), never let a stale write into the
 * storage and never act on another client's key; and the storage still gets work done. The
 * article's RedLock without fencing, under the same faults, lets two holders' writes interleave.
 */
import { describe, expect, it } from 'vitest';
import { redisLockLab } from '../../src/labs/redis-lock/lab';
import { redlockLab } from '../../src/labs/redlock/lab';
import { createInProcessRun, runUntil } from '../../src/runtime/inProcess';
import { faultPlan } from '../../src/sim/faultPlan';
import { resolveLabParams, type LabDefinition } from '../../src/sim/lab';
import { networkFromParams } from '../../src/sim/params';

const SEEDS = 100;
const UNTIL_MS = 5000;

interface Outcome {
  readonly violations: string[];
  accepted: number;
}

function fuzzSeed(lab: LabDefinition, seed: number, given: Record<string, number | string | boolean>, variant: string): Outcome {
  const params = resolveLabParams(lab, given);
  const nodes = lab.topology(params).map((n) => n.id);
  const actions = faultPlan({ seed, nodes, untilMs: UNTIL_MS, intensity: 'heavy', network: networkFromParams(params) });
  const outcome: Outcome = { violations: [], accepted: 0 };
  const run = createInProcessRun(lab, { lab: lab.id, variant, seed, params, actions }, {
    onEvent: (e) => {
      if (e.type === 'violation') outcome.violations.push(`seed ${seed}: ${e.rule}: ${e.detail}`);
      else if (e.type === 'output' && e.fact['kind'] === 'write' && e.fact['accepted'] === true) outcome.accepted++;
    },
  });
  while (runUntil(run.sim, run.stepper, UNTIL_MS) === 'halted') run.sim.clearHalt();
  return outcome;
}

function fuzz(lab: LabDefinition, given: Record<string, number | string | boolean> = {}, variant = 'hardened') {
  const outcomes = Array.from({ length: SEEDS }, (_, i) => fuzzSeed(lab, i + 1, given, variant));
  return { violations: outcomes.flatMap((o) => o.violations), working: outcomes.filter((o) => o.accepted > 0).length };
}

describe('under heavy faults, hardened with fencing', () => {
  it(`RedLock: no violation over ${SEEDS} seeds, and every seed gets writes into the storage`, () => {
    const { violations, working } = fuzz(redlockLab, { fencing: true });
    expect(violations).toEqual([]);
    expect(working).toBe(SEEDS);
  });

  it(`single-instance lock: no violation over ${SEEDS} seeds, and every seed gets writes into the storage`, () => {
    const { violations, working } = fuzz(redisLockLab, { fencing: true, clients: 3 });
    expect(violations).toEqual([]);
    expect(working).toBe(SEEDS);
  });
});

describe('under heavy faults, the article without fencing', () => {
  it('RedLock: some seeds interleave two holders’ writes (a pause during an acquisition or a hold goes unnoticed)', () => {
    const { violations } = fuzz(redlockLab, { fencing: false }, 'article');
    expect(violations.some((v) => v.includes('mutual-exclusion'))).toBe(true);
  });
});
