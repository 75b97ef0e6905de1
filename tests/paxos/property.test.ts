/**
 * Property tests: hardened single-decree Paxos and Multi-Paxos under heavy random faults (crashes
 * with restarts, pauses, partitions, loss, duplication, latency) never violate an invariant, over
 * a few hundred seeds each; and they still make progress once the faults are undone.
 */
import { describe, expect, it } from 'vitest';
import { multiPaxosLab } from '../../src/labs/multi-paxos/lab';
import { paxosLab } from '../../src/labs/paxos/lab';
import { createInProcessRun, runUntil } from '../../src/runtime/inProcess';
import { faultPlan } from '../../src/sim/faultPlan';
import { resolveLabParams } from '../../src/runtime/runnableLab';
import type { LabDefinition } from '../../src/labs/contract/lab';
import { networkFromParams } from '../../src/sim/params';

const SEEDS = 300;
const UNTIL_MS = 5000;

interface Outcome {
  readonly violations: string[];
  readonly learned: number;
}

function fuzzSeed(lab: LabDefinition, seed: number, given: Record<string, number | string> = {}): Outcome {
  const params = resolveLabParams(lab, given);
  const nodes = lab.topology(params).map((n) => n.id);
  const actions = faultPlan({ seed, nodes, untilMs: UNTIL_MS, intensity: 'heavy', network: networkFromParams(params) });
  const outcome: Outcome = { violations: [], learned: 0 };
  const run = createInProcessRun(lab, { lab: lab.id, variant: 'hardened', seed, params, actions }, {
    onEvent: (e) => {
      if (e.type === 'violation') outcome.violations.push(`seed ${seed}: ${e.rule}: ${e.detail}`);
      else if (e.type === 'output' && e.fact['kind'] === 'chosen') (outcome as { learned: number }).learned++;
    },
  });
  while (runUntil(run.sim, run.stepper, UNTIL_MS) === 'halted') run.sim.clearHalt();
  return outcome;
}

function fuzz(lab: LabDefinition, given: Record<string, number | string> = {}) {
  const outcomes = Array.from({ length: SEEDS }, (_, i) => fuzzSeed(lab, i + 1, given));
  return { violations: outcomes.flatMap((o) => o.violations), progressed: outcomes.filter((o) => o.learned > 0).length };
}

describe('under heavy faults', () => {
  it(`hardened Paxos: no violation over ${SEEDS} seeds, and every seed chooses a value`, () => {
    const { violations, progressed } = fuzz(paxosLab);
    expect(violations).toEqual([]);
    expect(progressed).toBe(SEEDS);
  });

  it(`hardened Paxos with 3 acceptors and 3 proposers: no violation over ${SEEDS} seeds`, () => {
    expect(fuzz(paxosLab, { acceptors: 3, proposers: 3, autoProposeMs: 300 }).violations).toEqual([]);
  });

  it(`Multi-Paxos: no violation over ${SEEDS} seeds, and every seed fills slots`, () => {
    const { violations, progressed } = fuzz(multiPaxosLab);
    expect(violations).toEqual([]);
    expect(progressed).toBe(SEEDS);
  });
});
