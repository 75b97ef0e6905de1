/**
 * The Raft workload of the Raft lab's issue: 5 nodes, the leader's built-in client putting every
 * 100 ms, no faults, the live checkers on. Reported as events per second and as virtual seconds
 * per wall second, in-process and through worker_threads (one thread per node).
 */
import { ThreadHost } from '../cli/hosts/threadHost';
import { resolveRun } from '../cli/runConfig';
import { createInProcessRun, runUntil } from '../src/runtime/inProcess';
import { median, repeat } from './measure';
import type { BenchRow } from './table';

const VIRTUAL_SPEED_TARGET = 15_000;

function config(untilMs: number) {
  return resolveRun({ lab: 'raft', variant: 'hardened', seed: 1, untilMs, faults: 'none', params: { nodes: '5', clientIntervalMs: '100' } });
}

function row(id: string, where: string, events: number, ms: number, virtualMs: number, runs: number): BenchRow {
  return {
    id,
    label: `Raft virtual speed, ${where}`,
    value: virtualMs / ms,
    unit: '×',
    better: 'higher',
    target: VIRTUAL_SPEED_TARGET,
    note: `5 nodes, a put every 100 ms, checkers on: ${Math.round((events / ms) * 1000).toLocaleString('en-US')} events/s over ${virtualMs / 1000} s virtual (${events.toLocaleString('en-US')} events); median of ${runs}`,
  };
}

export async function measureRaftInProcess(virtualMs: number, runs: number): Promise<BenchRow> {
  const results = await repeat(1, runs, () => {
    const c = config(virtualMs);
    let events = 0;
    const run = createInProcessRun(c.lab, c.spec, { onEvent: () => void events++ });
    const start = performance.now();
    runUntil(run.sim, run.stepper, virtualMs);
    return { events, ms: performance.now() - start };
  });
  const mid = [...results].sort((a, b) => a.ms - b.ms)[results.length >> 1] ?? { events: 0, ms: NaN };
  return row('raft-in-process', 'in-process', mid.events, median(results.map((r) => r.ms)), virtualMs, runs);
}

export async function measureRaftThreads(virtualMs: number): Promise<BenchRow> {
  const c = config(Infinity);
  let events = 0;
  const host = await ThreadHost.start(c.lab, c.spec, { onEvent: () => void events++ }, 'windows');
  try {
    // A warm-up stretch first: thread start-up and JIT are not what this measures.
    await host.runUntil(virtualMs / 4);
    const before = events;
    const start = performance.now();
    await host.runUntil(virtualMs / 4 + virtualMs);
    return row('raft-threads', 'worker_threads', events - before, performance.now() - start, virtualMs, 1);
  } finally {
    await host.close();
  }
}
