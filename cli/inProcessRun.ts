/** Running a configuration on the calling thread, as `run`, `fuzz` and the tests do. */
import { createInProcessRun, runUntil } from '../src/runtime/inProcess';
import type { TraceEvent } from '../src/sim/trace';
import type { RunConfig } from './runConfig';
import { RunTally } from './summary';

export interface RunOptions {
  /** Stop at the first violation (the rest of that step's events are still written) or run to the end. */
  readonly halt: boolean;
  readonly onEvent?: (event: TraceEvent) => void;
}

export interface RunResult {
  readonly reachedMs: number;
  readonly tally: RunTally;
  readonly halted: boolean;
}

export function runInProcess(config: RunConfig, options: RunOptions): RunResult {
  const tally = new RunTally();
  const onEvent = options.onEvent;
  const run = createInProcessRun(config.lab, config.spec, {
    onEvent: onEvent === undefined ? (e) => tally.observe(e) : (e) => (tally.observe(e), onEvent(e)),
  });
  while (runUntil(run.sim, run.stepper, config.untilMs) === 'halted') {
    if (options.halt) return { reachedMs: run.sim.now, tally, halted: true };
    run.sim.clearHalt();
  }
  return { reachedMs: run.sim.now, tally, halted: false };
}
