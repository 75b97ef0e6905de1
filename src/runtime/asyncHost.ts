/**
 * Drives a simulation whose nodes run elsewhere (Web Workers, worker_threads). Each batch's steps
 * go to their workers at once and run in parallel; the results are applied in the batch's order,
 * so the trace is the same as the in-process host's, byte for byte.
 */
import type { Simulation, StepRequest, StepResult } from '../sim/simulation';

export type AsyncStepper = (request: StepRequest) => Promise<StepResult>;

/** The largest batch sent at once; a bound on work in flight. */
export const MAX_BATCH = 64;

export interface AsyncRunLimits {
  readonly untilMs: number;
  /** Stop after about this many items (the batch in progress finishes). */
  readonly maxItems?: number;
  /** Checked between batches: stop early (the page paused, a time slice ended). */
  readonly shouldStop?: () => boolean;
}

export type AsyncOutcome = 'reached' | 'halted' | 'stopped';

export async function runBatchesAsync(sim: Simulation, step: AsyncStepper, limits: AsyncRunLimits): Promise<AsyncOutcome> {
  const start = sim.world.itemsApplied;
  const maxItems = limits.maxItems ?? Infinity;
  for (;;) {
    if (sim.world.itemsApplied - start >= maxItems || limits.shouldStop?.() === true) return 'stopped';
    const batch = sim.nextBatch(limits.untilMs, MAX_BATCH);
    if (batch === null) return sim.haltedBy.length > 0 ? 'halted' : 'reached';
    const results = await Promise.all(batch.map(step));
    applyInOrder(sim, batch, results);
  }
}

/**
 * Applies a batch's results in order. A violation halts the run after the step that caused it;
 * the steps after it in the batch were already run by their workers and are applied too (they
 * are of the same virtual time and other nodes, so no order changes), and the run halts there.
 */
function applyInOrder(sim: Simulation, batch: readonly StepRequest[], results: readonly StepResult[]): void {
  batch.forEach((request, i) => sim.apply(request, results[i] as StepResult));
}
