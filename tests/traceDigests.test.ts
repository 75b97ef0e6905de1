/**
 * Every lab's traces, byte for byte: the SHA-256 of the whole trace (header and every event) of
 * each scenario, and of a few fuzzed runs per variant with heavy faults. A refactoring that is
 * meant to change no behaviour must leave this file as it is; when a change is meant, rewrite it
 * with `UPDATE_GOLDEN=1 npx vitest run tests/traceDigests.test.ts` and say why in the commit.
 */
import { describe, it } from 'vitest';
import { productLabs } from '../src/labs/catalog';
import { headerOf } from '../src/runtime/exportTrace';
import { createInProcessRun, runUntil } from '../src/runtime/inProcess';
import { labFaultPlan } from '../src/labs/contract/faultPlan';
import { resolveLabParams } from '../src/runtime/runnableLab';
import type { LabDefinition } from '../src/labs/contract/lab';
import type { RunSpec } from '../src/sim/simulation';
import { expectGolden } from './golden';
import { sha256 } from './helpers';

const FUZZ_SEEDS = [1, 2, 3, 4];
const FUZZ_UNTIL_MS = 10_000;

/** The whole trace of a run to `untilMs`, going on past violations, and its digest. */
function digest(lab: LabDefinition, spec: RunSpec, untilMs: number): string {
  const lines = [JSON.stringify(headerOf(spec))];
  const run = createInProcessRun(lab, spec, { onEvent: (e) => lines.push(JSON.stringify(e)) });
  while (runUntil(run.sim, run.stepper, untilMs) === 'halted') run.sim.clearHalt();
  return `${sha256(lines.join('\n')).slice(0, 16)} ${String(lines.length - 1).padStart(6)} events`;
}

function scenarioLines(lab: LabDefinition): string[] {
  return lab.scenarios.map((s) => {
    const spec: RunSpec = { lab: lab.id, variant: s.variant, seed: s.seed, params: resolveLabParams(lab, s.params, s.variant), actions: s.actions };
    return `${lab.id} scenario ${s.id}: ${digest(lab, spec, s.untilMs)}`;
  });
}

function fuzzLines(lab: LabDefinition): string[] {
  return lab.variants.flatMap((variant) =>
    FUZZ_SEEDS.map((seed) => {
      const params = resolveLabParams(lab, {}, variant);
      const actions = labFaultPlan(lab, { seed, params, untilMs: FUZZ_UNTIL_MS, intensity: 'heavy' });
      return `${lab.id} ${variant} seed ${seed} heavy faults: ${digest(lab, { lab: lab.id, variant, seed, params, actions }, FUZZ_UNTIL_MS)}`;
    }),
  );
}

describe('trace digests', () => {
  it.each(productLabs.map((lab) => [lab.id, lab] as const))('%s: every scenario and fuzzed run gives the same trace as before', (id, lab) => {
    expectGolden(new URL(`./testdata/trace-digests/${id}.txt`, import.meta.url), [...scenarioLines(lab), ...fuzzLines(lab)].join('\n') + '\n');
  });
});
