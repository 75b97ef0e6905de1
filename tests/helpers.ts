import { createHash } from 'node:crypto';
import { createInProcessRun, runUntil, type InProcessRun } from '../src/runtime/inProcess';
import type { Action } from '../src/sim/actions';
import { resolveLabParams } from '../src/runtime/runnableLab';
import type { LabDefinition } from '../src/labs/contract/lab';
import type { ParamValue } from '../src/sim/node';
import type { RunSpec, SimOptions } from '../src/sim/simulation';
import type { TraceEvent } from '../src/sim/trace';
import { beaconLab } from './fixtures/beaconLab';

export interface SpecInput {
  readonly variant?: string;
  readonly seed?: number;
  readonly params?: Record<string, ParamValue>;
  readonly actions?: readonly Action[];
}

export function specFor(lab: LabDefinition, input: SpecInput = {}): RunSpec {
  const variant = input.variant ?? lab.variants[0] ?? 'hardened';
  return {
    lab: lab.id,
    variant,
    seed: input.seed ?? 1,
    params: resolveLabParams(lab, input.params ?? {}, variant),
    actions: input.actions ?? [],
  };
}

export interface Recorded extends InProcessRun {
  readonly events: TraceEvent[];
  readonly lines: () => string;
}

/** A beacon run that records its trace. */
export function record(input: SpecInput = {}, options: SimOptions = {}, lab: LabDefinition = beaconLab): Recorded {
  const events: TraceEvent[] = [];
  const run = createInProcessRun(lab, specFor(lab, input), { ...options, onEvent: (e) => events.push(e) });
  return { ...run, events, lines: () => events.map((e) => JSON.stringify(e)).join('\n') };
}

export function runTo(input: SpecInput, untilMs: number, options: SimOptions = {}): Recorded {
  const r = record(input, options);
  while (runUntil(r.sim, r.stepper, untilMs) === 'halted') r.sim.clearHalt();
  return r;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
