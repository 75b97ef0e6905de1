/**
 * Property tests under heavy random faults: the common ones (crashes with restarts, pauses,
 * partitions, loss, duplication, latency) and the lock labs' own (pauses longer than the TTL,
 * clock jumps and drift on the servers, slow links to the storage). The single-instance lock,
 * hardened with fencing on, never lets a stale write into the storage and never acts on another
 * client's key, and the storage still gets work done. Without fencing the same faults give two
 * holders. Hardened RedLock with fencing on raises the counters to each winner's token on a
 * majority before it holds, so its tokens follow the order of the acquisitions and the storage
 * turns every stale write away.
 */
import { describe, expect, it } from 'vitest';
import { redisLockLab } from '../../src/labs/redis-lock/lab';
import { redlockLab } from '../../src/labs/redlock/lab';
import { createInProcessRun, runUntil } from '../../src/runtime/inProcess';
import { labFaultPlan } from '../../src/labs/contract/faultPlan';
import { resolveLabParams } from '../../src/runtime/runnableLab';
import type { LabDefinition } from '../../src/labs/contract/lab';

const SEEDS = 100;
const UNTIL_MS = 5000;

interface Outcome {
  readonly violations: string[];
  accepted: number;
  /** Tokens of the `acquired` facts, in trace order. */
  readonly tokens: number[];
}

function fuzzSeed(lab: LabDefinition, seed: number, given: Record<string, number | string | boolean>, variant: string): Outcome {
  const params = resolveLabParams(lab, given, variant);
  const actions = labFaultPlan(lab, { seed, params, untilMs: UNTIL_MS, intensity: 'heavy' });
  const outcome: Outcome = { violations: [], accepted: 0, tokens: [] };
  const run = createInProcessRun(lab, { lab: lab.id, variant, seed, params, actions }, {
    onEvent: (e) => {
      if (e.type === 'violation') outcome.violations.push(`seed ${seed}: ${e.rule}: ${e.detail}`);
      else if (e.type === 'output' && e.fact['kind'] === 'write' && e.fact['accepted'] === true) outcome.accepted++;
      else if (e.type === 'output' && e.fact['kind'] === 'acquired') outcome.tokens.push(Number(e.fact['token']));
    },
  });
  while (runUntil(run.sim, run.stepper, UNTIL_MS) === 'halted') run.sim.clearHalt();
  return outcome;
}

function fuzz(lab: LabDefinition, given: Record<string, number | string | boolean> = {}, variant = 'hardened') {
  const outcomes = Array.from({ length: SEEDS }, (_, i) => fuzzSeed(lab, i + 1, given, variant));
  return {
    violations: outcomes.flatMap((o) => o.violations),
    working: outcomes.filter((o) => o.accepted > 0).length,
    /** Seeds where an acquisition got a token not above the one before it. */
    tokensDown: outcomes.flatMap((o, i) => (o.tokens.some((t, j) => j > 0 && t <= (o.tokens[j - 1] ?? 0)) ? [i + 1] : [])),
  };
}

describe('under heavy faults, hardened with fencing', () => {
  it(`single-instance lock: no violation over ${SEEDS} seeds, and every seed gets writes into the storage`, () => {
    const { violations, working } = fuzz(redisLockLab, { fencing: true, clients: 3 });
    expect(violations).toEqual([]);
    expect(working).toBe(SEEDS);
  });

  it(`RedLock: no violation over ${SEEDS} seeds, every seed gets writes into the storage, and each acquisition's token is above the last`, () => {
    const { violations, working, tokensDown } = fuzz(redlockLab, { fencing: true });
    expect(violations).toEqual([]);
    expect(working).toBe(SEEDS);
    expect(tokensDown).toEqual([]);
  });
});

describe('under the same faults, without fencing', () => {
  it('hardened single-instance lock and RedLock: some seeds give two holders whose critical sections overlap', () => {
    expect(fuzz(redisLockLab, { fencing: false, clients: 3 }).violations.some((v) => v.includes('mutual-exclusion'))).toBe(true);
    expect(fuzz(redlockLab, { fencing: false }).violations.some((v) => v.includes('mutual-exclusion'))).toBe(true);
  });

  it('the article’s RedLock: some seeds interleave two holders’ writes (a pause during an acquisition or a hold goes unnoticed)', () => {
    const { violations } = fuzz(redlockLab, { fencing: false }, 'article');
    expect(violations.some((v) => v.includes('mutual-exclusion'))).toBe(true);
  });
});
