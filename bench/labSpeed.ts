/**
 * The labs' own workloads, as the lab issues ask them measured: events per second and virtual
 * seconds per wall second, in-process and (for Raft) through worker_threads, one thread per node.
 * No faults; the live checkers stay on, as in the page and the CLI.
 */
import { ThreadHost } from '../cli/hosts/threadHost';
import { resolveRun } from '../cli/runConfig';
import { createInProcessRun, runUntil } from '../src/runtime/inProcess';
import { median, repeat } from './measure';
import type { BenchRow } from './table';

/**
 * Virtual seconds per wall second the Raft lab was asked to reach. The other labs were given no
 * speed target: their rows are figures to read, not verdicts.
 */
const RAFT_VIRTUAL_SPEED_TARGET = 15_000;

export interface LabWorkload {
  readonly id: string;
  readonly title: string;
  readonly lab: string;
  readonly variant: string;
  readonly params: Readonly<Record<string, string>>;
  /** What the workload is, for the row's note. */
  readonly what: string;
}

export const RAFT_WORKLOAD: LabWorkload = {
  id: 'raft',
  title: 'Raft',
  lab: 'raft',
  variant: 'hardened',
  params: { nodes: '5', clientIntervalMs: '100' },
  what: '5 nodes, a put every 100 ms',
};

export const LAB_WORKLOADS: readonly LabWorkload[] = [
  RAFT_WORKLOAD,
  {
    id: 'paxos',
    title: 'Paxos',
    lab: 'paxos',
    variant: 'hardened',
    params: { acceptors: '5', proposers: '2', autoProposeMs: '100' },
    what: '5 acceptors, 2 proposers, a proposal every ~100 ms',
  },
  {
    id: 'multi-paxos',
    title: 'Multi-Paxos',
    lab: 'multi-paxos',
    variant: 'hardened',
    params: { acceptors: '5', proposers: '3', clientIntervalMs: '100', maxSlots: '1000' },
    what: '5 acceptors, 3 proposers, a command every 100 ms',
  },
  {
    id: 'redlock',
    title: 'RedLock',
    lab: 'redlock',
    variant: 'hardened',
    params: { clients: '3', servers: '5' },
    what: '3 clients taking turns over 5 Redis servers, fencing on',
  },
  {
    id: 'etcd-mutex',
    title: 'etcd mutex',
    lab: 'etcd-mutex',
    variant: 'hardened',
    params: { clients: '2' },
    what: '2 clients taking turns on one etcd member, fencing on',
  },
  {
    id: 'token-bucket',
    title: 'Token bucket',
    lab: 'token-bucket',
    variant: 'hardened',
    params: { clients: '2', load: 'poisson', clientIntervalMs: '80' },
    what: '2 clients, Poisson load, a request every ~80 ms each',
  },
];

function config(w: LabWorkload, untilMs: number) {
  return resolveRun({ lab: w.lab, variant: w.variant, seed: 1, untilMs, faults: 'none', params: { ...w.params } });
}

function row(w: LabWorkload, where: string, events: number, ms: number, virtualMs: number, runs: number): BenchRow {
  return {
    id: `${w.id}-${where === 'in-process' ? 'in-process' : 'threads'}`,
    label: `${w.title} virtual speed, ${where}`,
    value: virtualMs / ms,
    unit: '×',
    better: 'higher',
    target: w.id === RAFT_WORKLOAD.id ? RAFT_VIRTUAL_SPEED_TARGET : null,
    note: `${w.what}, checkers on: ${Math.round((events / ms) * 1000).toLocaleString('en-US')} events/s over ${virtualMs / 1000} s virtual (${events.toLocaleString('en-US')} events); median of ${runs}`,
  };
}

export async function measureLabInProcess(w: LabWorkload, virtualMs: number, runs: number): Promise<BenchRow> {
  const results = await repeat(1, runs, () => {
    const c = config(w, virtualMs);
    let events = 0;
    const run = createInProcessRun(c.lab, c.spec, { onEvent: () => void events++ });
    const start = performance.now();
    runUntil(run.sim, run.stepper, virtualMs);
    return { events, ms: performance.now() - start };
  });
  const mid = [...results].sort((a, b) => a.ms - b.ms)[results.length >> 1] ?? { events: 0, ms: NaN };
  return row(w, 'in-process', mid.events, median(results.map((r) => r.ms)), virtualMs, runs);
}

export async function measureLabThreads(w: LabWorkload, virtualMs: number): Promise<BenchRow> {
  const c = config(w, Infinity);
  let events = 0;
  const host = await ThreadHost.start(c.lab, c.spec, { onEvent: () => void events++ }, 'windows');
  try {
    // A warm-up stretch first: thread start-up and JIT are not what this measures.
    await host.runUntil(virtualMs / 4);
    const before = events;
    const start = performance.now();
    await host.runUntil(virtualMs / 4 + virtualMs);
    return row(w, 'worker_threads', events - before, performance.now() - start, virtualMs, 1);
  } finally {
    await host.close();
  }
}
