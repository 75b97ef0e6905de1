/**
 * One fuzz seed, run whole on the calling thread: the run with its random faults and the lab's
 * checkers, stopped at the first violation. A node whose step throws fails the seed too. Passing seeds never pay for a trace; a failing seed's
 * trace is written by running it again (the run is deterministic, so it is the same run).
 */
import { recordRun } from '../recordRun';
import { runInProcess } from '../inProcessRun';
import { resolveRun, runCommandLine, type RunChoice, type RunConfig } from '../runConfig';
import type { NodeErrorEvent, ViolationEvent } from '../summary';
import { defaultTracePath, TraceWriter } from '../traceFile';

export interface SeedOutcome {
  readonly seed: number;
  readonly events: number;
  readonly reachedMs: number;
  readonly violations: readonly ViolationEvent[];
  /** Nodes whose step threw (a failed assertion, a bug in a protocol): each crashed, and the run went on. */
  readonly nodeErrors: readonly NodeErrorEvent[];
  /** The `run` command that redoes this seed exactly (and writes the same trace). */
  readonly command: string;
  /** Set when the run itself threw: a bug in a lab or the kernel, not a violation. */
  readonly error: string | null;
}

/** `run` stops at the first violation too, so its trace is the one fuzz writes. */
const RUN_FLAGS_OF_FUZZ = ['--halt'];

export function runSeed(choice: RunChoice): SeedOutcome {
  const seed = choice.seed ?? 0;
  let config: RunConfig | undefined;
  try {
    config = resolveRun(choice);
    const result = runInProcess(config, { halt: true });
    return { seed, events: result.tally.events, reachedMs: result.reachedMs, violations: result.tally.violations, nodeErrors: result.tally.nodeErrors, command: runCommandLine(config, RUN_FLAGS_OF_FUZZ), error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { seed, events: 0, reachedMs: 0, violations: [], nodeErrors: [], command: config === undefined ? '' : runCommandLine(config, RUN_FLAGS_OF_FUZZ), error: message };
  }
}

/** Writes a failing seed's trace into `outDir`, the same bytes its `run --halt` command writes. */
export async function writeSeedTrace(choice: RunChoice, outDir: string): Promise<string> {
  const config = resolveRun(choice);
  const path = defaultTracePath(config.spec, outDir);
  await recordRun(config, TraceWriter.toFile(path), { halt: true, host: 'inprocess' });
  return path;
}

/** Whether the seed failed: a violation, a node's step that threw, or a run that could not be made. */
export function seedFailed(o: SeedOutcome): boolean {
  return o.error !== null || o.violations.length > 0 || o.nodeErrors.length > 0;
}
