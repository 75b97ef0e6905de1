/**
 * Events per second through worker_threads, one thread per node, as the page runs Web Workers.
 * Threads start (and warm up) before the clock starts: this measures stepping, not start-up.
 * The run goes on in segments of virtual time; the figure is the median segment.
 */
import { ThreadHost, type Stepping } from '../cli/hosts/threadHost';
import { resolveRun } from '../cli/runConfig';
import { median } from './measure';
import type { BenchRow } from './table';

export interface ThreadSpeedOptions {
  readonly segmentMs: number;
  readonly segments: number;
}

export async function measureThreads(stepping: Stepping, options: ThreadSpeedOptions): Promise<BenchRow> {
  const config = resolveRun({ lab: 'beacon', variant: 'hardened', seed: 1, untilMs: Infinity, faults: 'none', params: { nodes: '5' } });
  let events = 0;
  const host = await ThreadHost.start(config.lab, config.spec, { onEvent: () => void events++ }, stepping);
  const rates: number[] = [];
  let total = 0;
  try {
    // A warm-up segment: the threads' JIT and the message paths settle.
    let untilMs = options.segmentMs;
    await host.runUntil(untilMs);
    for (let i = 0; i < options.segments; i++) {
      untilMs += options.segmentMs;
      const before = events;
      const start = performance.now();
      await host.runUntil(untilMs);
      rates.push(((events - before) / (performance.now() - start)) * 1000);
      total += events - before;
    }
  } finally {
    await host.close();
  }
  const how = stepping === 'windows' ? 'lookahead windows (as the page)' : 'one step per round trip';
  return {
    id: `threads-${stepping}`,
    label: `events/s, worker_threads, ${stepping}`,
    value: median(rates),
    unit: 'ev/s',
    better: 'higher',
    target: 100_000,
    note: `beacon, 5 nodes = 5 threads, ${how}; median of ${options.segments} segments of ${options.segmentMs / 1000} s virtual (${total.toLocaleString('en-US')} events)`,
  };
}
