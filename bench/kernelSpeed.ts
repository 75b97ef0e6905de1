/**
 * Kernel events per second on the calling thread: the beacon lab with 5 nodes over a long virtual
 * run, with a trace sink that only counts (no JSON, no file), the lab's checker on.
 */
import { createInProcessRun, runUntil } from '../src/runtime/inProcess';
import { resolveRun } from '../cli/runConfig';
import { median, repeat } from './measure';
import type { BenchRow } from './table';

export interface SpeedOptions {
  readonly untilMs: number;
  readonly runs: number;
}

function once(untilMs: number): { events: number; ms: number } {
  const config = resolveRun({ lab: 'beacon', variant: 'hardened', seed: 1, untilMs, faults: 'none', params: { nodes: '5' } });
  let events = 0;
  const run = createInProcessRun(config.lab, config.spec, { onEvent: () => void events++ });
  const start = performance.now();
  runUntil(run.sim, run.stepper, untilMs);
  return { events, ms: performance.now() - start };
}

export async function measureKernel(options: SpeedOptions): Promise<BenchRow> {
  const results = await repeat(1, options.runs, () => once(options.untilMs));
  const rate = median(results.map((r) => (r.events / r.ms) * 1000));
  const events = results[0]?.events ?? 0;
  return {
    id: 'kernel-in-process',
    label: 'kernel events/s, in-process',
    value: rate,
    unit: 'ev/s',
    better: 'higher',
    target: 1_000_000,
    note: `beacon, 5 nodes, ${options.untilMs / 1000} s virtual (${events.toLocaleString('en-US')} events); median of ${options.runs} after a warm-up`,
  };
}
