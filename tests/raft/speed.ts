/**
 * The Raft workload the issue asks to measure: 5 nodes, a client put every 100 ms (the leader's
 * built-in client), no faults, on the in-process host, with and without the live checkers.
 * Prints events per second and virtual seconds per wall second (median of several runs after a
 * warm-up), by wall time and by this process's CPU time, which holds up better on a busy machine.
 * Run: npx tsx tests/raft/speed.ts [virtualSeconds] [runs]
 */
import { loadavg } from 'node:os';
import { raftLab } from '../../src/labs/raft/raftLab';
import { createInProcessRun, runUntil } from '../../src/runtime/inProcess';
import { resolveLabParams, type LabDefinition } from '../../src/sim/lab';

const virtualSeconds = Number(process.argv[2] ?? 300);
const runs = Number(process.argv[3] ?? 5);

function once(variant: string, checks: boolean): { events: number; ms: number; cpuMs: number } {
  const lab: LabDefinition = checks ? raftLab : { ...raftLab, checkers: () => [] };
  const params = resolveLabParams(raftLab, { nodes: 5, clientIntervalMs: 100 });
  let events = 0;
  const run = createInProcessRun(lab, { lab: 'raft', variant, seed: 1, params, actions: [] }, { onEvent: () => void events++ });
  const start = performance.now();
  const cpu = process.cpuUsage();
  runUntil(run.sim, run.stepper, virtualSeconds * 1000);
  const used = process.cpuUsage(cpu);
  return { events, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

process.stdout.write(`raft, 5 nodes, a put every 100 ms, ${virtualSeconds} s virtual, median of ${runs}; load average ${loadavg()[0]?.toFixed(2)}\n`);
for (const variant of ['hardened', 'article']) {
  for (const checks of [true, false]) {
    once(variant, checks);
    const results = Array.from({ length: runs }, () => once(variant, checks));
    const events = results[0]?.events ?? 0;
    const rate = (ms: number) => `${Math.round((events / ms) * 1000).toLocaleString('en-US')} events/s, ${Math.round((virtualSeconds * 1000) / ms).toLocaleString('en-US')}x`;
    const wall = median(results.map((r) => r.ms));
    const cpu = median(results.map((r) => r.cpuMs));
    const line = `${variant.padEnd(8)} checkers ${checks ? 'on ' : 'off'}: ${events} events (${Math.round(events / virtualSeconds)}/virtual s); wall ${wall.toFixed(0)} ms: ${rate(wall)}; CPU ${cpu.toFixed(0)} ms: ${rate(cpu)}`;
    process.stdout.write(`${line}\n`);
  }
}
