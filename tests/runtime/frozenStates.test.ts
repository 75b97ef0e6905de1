/**
 * No protocol writes into the state it is given: a step returns new objects for what it changes.
 * Node workers send only the fields whose value changed (src/runtime/stateDelta.ts), so a field
 * changed in place would never reach the scheduler, and the checkers and the page would read a
 * stale copy. Here every lab runs its scenarios and a heavy fault plan with each state frozen
 * before its step, so a write into it throws and crashes the node.
 */
import { describe, expect, it } from 'vitest';
import { productLabs } from '../../src/labs/catalog';
import { createInProcessRun, runUntil } from '../../src/runtime/inProcess';
import { faultPlan } from '../../src/sim/faultPlan';
import type { Json } from '../../src/sim/json';
import { resolveLabParams } from '../../src/runtime/runnableLab';
import type { LabDefinition } from '../../src/labs/contract/lab';
import { networkFromParams } from '../../src/sim/params';
import type { Protocol } from '../../src/sim/node';
import type { TraceEvent } from '../../src/sim/trace';
import { beaconLab, type BeaconState } from '../fixtures/beaconLab';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function withFrozenStates(lab: LabDefinition): LabDefinition {
  const protocols: Record<string, Protocol<Json>> = {};
  for (const [kind, p] of Object.entries(lab.protocols)) protocols[kind] = { ...p, step: (state, input, ctx) => p.step(deepFreeze(state), input, ctx) };
  return { ...lab, protocols };
}

const RUN_MS = 4000;

function crashesWithErrors(lab: LabDefinition, variant: string, seed: number, params: LabDefinition['scenarios'][number]['params'], actions: LabDefinition['scenarios'][number]['actions']): string[] {
  const crashes: string[] = [];
  const onEvent = (e: TraceEvent) => {
    if (e.type === 'crash' && e.error !== undefined) crashes.push(`${e.node}: ${e.error}`);
  };
  const resolved = resolveLabParams(lab, params, variant);
  const run = createInProcessRun(withFrozenStates(lab), { lab: lab.id, variant, seed, params: resolved, actions }, { onEvent });
  while (runUntil(run.sim, run.stepper, RUN_MS) === 'halted') run.sim.clearHalt();
  return crashes;
}

describe('no protocol changes the state it is given', () => {
  it.each(productLabs.map((lab) => [lab.id, lab] as const))('%s: its scenarios and heavy faults, with every state frozen', (_id, lab) => {
    for (const s of lab.scenarios) expect(crashesWithErrors(lab, s.variant, s.seed, s.params, s.actions), `${lab.id}/${s.id}`).toEqual([]);
    for (const variant of lab.variants) {
      const params = resolveLabParams(lab, {}, variant);
      const nodes = lab.topology(params).map((n) => n.id);
      const actions = faultPlan({ seed: 5, nodes, untilMs: RUN_MS, intensity: 'heavy', network: networkFromParams(params) });
      expect(crashesWithErrors(lab, variant, 5, {}, actions), `${lab.id} ${variant}, heavy faults`).toEqual([]);
    }
  });

  it('would catch one that did: a beacon that counts its ticks into the state it was given crashes', () => {
    const beacon = beaconLab.protocols['beacon'] as Protocol<BeaconState>;
    const writer: Protocol<BeaconState> = {
      ...beacon,
      step: (state, input, ctx) => {
        const out = beacon.step(state, input, ctx);
        if (state !== undefined && input.kind === 'timer') (state as { count: number }).count = out.state.count;
        return out;
      },
    };
    const lab: LabDefinition = { ...beaconLab, protocols: { ...beaconLab.protocols, beacon: writer } };
    expect(crashesWithErrors(lab, 'hardened', 1, {}, []).length).toBeGreaterThan(0);
  });
});
