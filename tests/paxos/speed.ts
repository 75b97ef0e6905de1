/**
 * Events per second of the Paxos labs with 5 acceptors on the in-process host, no faults, with
 * and without the live checkers: single-decree Paxos with its built-in client proposing every
 * ~100 ms, and Multi-Paxos with a client command every 100 ms at the leader. Median of several
 * runs after a warm-up, by wall time and by this process's CPU time (steadier on a busy machine).
 * Run: npx tsx tests/paxos/speed.ts [virtualSeconds] [runs]
 */
import { loadavg } from 'node:os';
import { multiPaxosLab } from '../../src/labs/multi-paxos/lab';
import { paxosLab } from '../../src/labs/paxos/lab';
import { createInProcessRun, runUntil } from '../../src/runtime/inProcess';
import { resolveLabParams, type LabDefinition } from '../../src/sim/lab';

const virtualSeconds = Number(process.argv[2] ?? 100);
const runs = Number(process.argv[3] ?? 5);

interface Workload {
  readonly name: string;
  readonly lab: LabDefinition;
  readonly variant: string;
  readonly params: Record<string, number>;
}

const WORKLOADS: readonly Workload[] = [
  { name: 'paxos hardened, 2 proposers', lab: paxosLab, variant: 'hardened', params: { acceptors: 5, proposers: 2, autoProposeMs: 100 } },
  // Two article proposers deadlock on each other's lock sooner or later, so one proposes here.
  { name: 'paxos article, 1 proposer', lab: paxosLab, variant: 'article', params: { acceptors: 5, proposers: 1, autoProposeMs: 100 } },
  { name: 'multi-paxos, 3 proposers', lab: multiPaxosLab, variant: 'hardened', params: { acceptors: 5, proposers: 3, clientIntervalMs: 100, maxSlots: 1000 } },
];

function once(w: Workload, checks: boolean): { events: number; ms: number; cpuMs: number } {
  const lab: LabDefinition = checks ? w.lab : { ...w.lab, checkers: () => [] };
  const params = resolveLabParams(w.lab, w.params);
  let events = 0;
  const run = createInProcessRun(lab, { lab: w.lab.id, variant: w.variant, seed: 1, params, actions: [] }, { onEvent: () => void events++ });
  const start = performance.now();
  const cpu = process.cpuUsage();
  runUntil(run.sim, run.stepper, virtualSeconds * 1000);
  const used = process.cpuUsage(cpu);
  return { events, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

process.stdout.write(`5 acceptors, ${virtualSeconds} s virtual, median of ${runs}; load average ${loadavg()[0]?.toFixed(2)}\n`);
for (const w of WORKLOADS) {
  for (const checks of [true, false]) {
    once(w, checks);
    const results = Array.from({ length: runs }, () => once(w, checks));
    const events = results[0]?.events ?? 0;
    const rate = (ms: number) => `${Math.round((events / ms) * 1000).toLocaleString('en-US')} events/s`;
    const wall = median(results.map((r) => r.ms));
    const cpu = median(results.map((r) => r.cpuMs));
    process.stdout.write(`${w.name.padEnd(28)} checkers ${checks ? 'on ' : 'off'}: ${events} events; wall ${wall.toFixed(0)} ms: ${rate(wall)}; CPU ${cpu.toFixed(0)} ms: ${rate(cpu)}\n`);
  }
}
