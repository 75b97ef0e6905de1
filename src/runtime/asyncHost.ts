/**
 * Drives a simulation whose nodes run elsewhere (Web Workers, worker_threads). Each batch's steps
 * go to their workers at once and run in parallel; the results are applied in the batch's order,
 * so the trace is the same as the in-process host's, byte for byte.
 */
import type { NodeWindow } from '../sim/lookahead';
import type { Simulation, StepRequest, StepResult } from '../sim/simulation';
import type { Prefetch } from './prefetch';
import type { WindowStep } from './windowStepper';

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

/** Nodes that can also run a lookahead window in one round trip. */
export interface WindowedNodes {
  step(request: StepRequest): Promise<StepResult>;
  runWindow(window: NodeWindow): Promise<WindowStep[]>;
}

/**
 * Like runBatchesAsync, but each round trip carries a whole lookahead window per node (every step
 * a node can take before any other node's message could reach it), so a worker answers many
 * steps at once. `prefetch` keeps steps run ahead across calls (a pause or a halt inside a
 * window); whoever changes the run meanwhile (an action, a seek) must drop them and reset the
 * workers that ran ahead, as RemoteRun does.
 */
export async function runWindowsAsync(sim: Simulation, nodes: WindowedNodes, prefetch: Prefetch, limits: AsyncRunLimits): Promise<AsyncOutcome> {
  const start = sim.world.itemsApplied;
  const maxItems = limits.maxItems ?? Infinity;
  for (;;) {
    if (sim.world.itemsApplied - start >= maxItems || limits.shouldStop?.() === true) return 'stopped';
    if (prefetch.isEmpty) await planAhead(sim, nodes, prefetch, limits.untilMs);
    const boundMs = Math.min(prefetch.boundMs, limits.untilMs);
    const final = boundMs >= limits.untilMs;
    const batch = sim.nextBatch(boundMs, MAX_BATCH, final);
    if (batch === null) {
      if (sim.haltedBy.length > 0) return 'halted';
      // A call that ends short of a window planned earlier (play paced again after a pause) leaves
      // that window's later steps for the next call; a window used up with steps left over is a bug.
      if (!prefetch.isEmpty && boundMs < prefetch.boundMs) return 'reached';
      if (!prefetch.isEmpty) throw new Error(`lookahead diverged: ${prefetch.nodesAhead().join(', ')} ran steps the kernel never asked for`);
      prefetch.boundMs = Infinity;
      if (final) return 'reached';
      continue;
    }
    const results = await Promise.all(batch.map((request) => prefetch.take(request) ?? nodes.step(request)));
    applyInOrder(sim, batch, results);
  }
}

async function planAhead(sim: Simulation, nodes: WindowedNodes, prefetch: Prefetch, untilMs: number): Promise<void> {
  const plan = sim.planWindow(untilMs);
  if (plan === null || plan.nodes.length === 0) {
    prefetch.boundMs = Infinity;
    return;
  }
  const ran = await Promise.all(plan.nodes.map((window) => nodes.runWindow(window)));
  plan.nodes.forEach((window, i) => prefetch.put(window.node, ran[i] ?? []));
  prefetch.boundMs = plan.boundMs;
}
