/**
 * One fuzz seed, run whole on the calling thread: the run with its random faults and the lab's
 * checkers, stopped at the first violation. A failing seed is run a second time to write its
 * trace (the run is deterministic, so it is the same run); passing seeds never pay for a trace.
 */
import { recordRun } from '../recordRun';
import { runInProcess } from '../inProcessRun';
import { resolveRun, runCommandLine, type RunChoice, type RunConfig } from '../runConfig';
import type { ViolationEvent } from '../summary';
import { defaultTracePath, TraceWriter } from '../traceFile';

export interface SeedJob {
  readonly choice: RunChoice;
  readonly outDir: string;
}

export interface SeedOutcome {
  readonly seed: number;
  readonly events: number;
  readonly reachedMs: number;
  readonly violations: readonly ViolationEvent[];
  /** The failing seed's trace file, else null. */
  readonly tracePath: string | null;
  /** The `run` command that redoes this seed exactly (and writes the same trace). */
  readonly command: string;
  /** Set when the run itself threw: a bug in a lab or the kernel, not a violation. */
  readonly error: string | null;
}

/** `run` stops at the first violation too, so its trace is the one fuzz writes. */
const RUN_FLAGS_OF_FUZZ = ['--halt'];

export async function runSeed(job: SeedJob): Promise<SeedOutcome> {
  const seed = job.choice.seed ?? 0;
  let config: RunConfig | undefined;
  try {
    config = resolveRun(job.choice);
    const result = runInProcess(config, { halt: true });
    const command = runCommandLine(config, RUN_FLAGS_OF_FUZZ);
    const outcome = { seed, events: result.tally.events, reachedMs: result.reachedMs, violations: result.tally.violations, tracePath: null, command, error: null };
    if (result.tally.violations.length === 0) return outcome;
    const tracePath = defaultTracePath(config.spec, job.outDir);
    await recordRun(config, TraceWriter.toFile(tracePath), { halt: true, host: 'inprocess' });
    return { ...outcome, tracePath };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { seed, events: 0, reachedMs: 0, violations: [], tracePath: null, command: config === undefined ? '' : runCommandLine(config, RUN_FLAGS_OF_FUZZ), error: message };
  }
}
