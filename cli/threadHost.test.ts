import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { headerOf } from '../src/runtime/exportTrace';
import type { Action } from '../src/sim/actions';
import { formatTraceLine, type TraceEvent } from '../src/sim/trace';
import { ThreadHost } from './hosts/threadHost';
import { runInThreads } from './hosts/threadRun';
import { createInProcessRun, runThroughHalts, runUntil } from '../src/runtime/inProcess';
import { runInProcess } from './inProcessRun';
import { resolveRun, type RunConfig } from './runConfig';

function jsonLines(config: RunConfig, events: readonly TraceEvent[]): string {
  return [formatTraceLine(headerOf(config.spec)), ...events.map(formatTraceLine)].join('\n') + '\n';
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('worker_threads host', () => {
  // The article variant breaks its invariant after a restart; every run goes on past it.
  const config = resolveRun({ lab: 'beacon', variant: 'article', seed: 3, untilMs: 3000, faults: 'heavy', params: { nodes: '5', tickMs: '40' } });
  const inProcess: TraceEvent[] = [];
  const reference = runInProcess(config, { halt: false, onEvent: (e) => inProcess.push(e) });

  it('runs a heavy fault plan that exercises every fault', () => {
    const kinds = new Set(config.spec.actions.map((a) => a.kind));
    for (const kind of ['crash', 'restart', 'pause', 'healAll', 'network']) expect(kinds).toContain(kind);
    expect(kinds.has('split') || kinds.has('isolate')).toBe(true);
    expect(inProcess.length).toBeGreaterThan(2000);
    expect(inProcess.some((e) => e.type === 'drop' && e.reason === 'loss')).toBe(true);
    expect(inProcess.some((e) => e.type === 'drop' && e.reason === 'cut')).toBe(true);
    expect(inProcess.some((e) => e.type === 'send' && e.dup === true)).toBe(true);
    expect(inProcess.some((e) => e.type === 'resume')).toBe(true);
    expect(reference.tally.violations.length).toBeGreaterThan(0);
  });

  const roundTrips = new Map<string, number>();

  it.each(['windows', 'batches'] as const)('writes the same trace bytes as the in-process host (%s)', async (stepping) => {
    const threaded: TraceEvent[] = [];
    const result = await runInThreads(config, { halt: false, onEvent: (e) => threaded.push(e) }, stepping);
    roundTrips.set(stepping, (result.requests.get('STEP') ?? 0) + (result.requests.get('STEP_WINDOW') ?? 0));
    if (stepping === 'windows') expect(result.requests.get('STEP_WINDOW')).toBeGreaterThan(0);
    expect(result.reachedMs).toBe(reference.reachedMs);
    expect(threaded.length).toBe(inProcess.length);
    expect(sha256(jsonLines(config, threaded))).toBe(sha256(jsonLines(config, inProcess)));
  });

  it('needs fewer round trips with lookahead windows', () => {
    expect(roundTrips.get('windows')).toBeLessThan(roundTrips.get('batches') ?? 0);
  });

  it.each(['windows', 'batches'] as const)('terminates a crashed node’s thread and starts a new one on restart (%s)', async (stepping) => {
    const actions: Action[] = [
      { at: 300, kind: 'crash', node: 'n2' },
      { at: 600, kind: 'restart', node: 'n2' },
      // Crash and restart at one instant: still a new thread.
      { at: 800, kind: 'crash', node: 'n3' },
      { at: 800, kind: 'restart', node: 'n3' },
    ];
    const plain = resolveRun({ lab: 'beacon', variant: 'hardened', untilMs: 1000, faults: 'none', params: {} });
    const host = await ThreadHost.start(plain.lab, { ...plain.spec, actions }, {}, stepping);
    try {
      expect(host.liveThreads).toBe(3);
      await host.runUntil(400);
      expect(host.sim.world.nodes['n2']?.status).toBe('down');
      expect(host.liveThreads).toBe(2);
      await host.runUntil(700);
      expect(host.liveThreads).toBe(3);
      expect(host.threadsStarted).toBe(4);
      await host.runUntil(1000);
      expect(host.liveThreads).toBe(3);
      expect(host.threadsStarted).toBe(5);
    } finally {
      await host.close();
    }
    expect(host.liveThreads).toBe(0);
  });

  // Results come back from a node's thread as changes to its previous state; the scheduler's
  // copy, which the checkers and the page read, must still be the node's state exactly.
  it.each(['windows', 'batches'] as const)('keeps the same node states and storage as the in-process host: Raft, heavy faults (%s)', async (stepping) => {
    const raft = resolveRun({ lab: 'raft', variant: 'hardened', seed: 11, untilMs: 4000, faults: 'heavy', params: {} });
    const local = createInProcessRun(raft.lab, raft.spec);
    runUntil(local.sim, local.stepper, raft.untilMs);
    const host = await ThreadHost.start(raft.lab, raft.spec, {}, stepping);
    try {
      await host.runUntil(raft.untilMs);
      const grown = Object.values(local.sim.world.nodes).some((n) => Array.isArray((n.state as { log?: unknown } | undefined)?.log) && (n.state as { log: unknown[] }).log.length > 10);
      expect(grown).toBe(true);
      for (const id of local.sim.world.order) {
        expect(host.sim.world.nodes[id]?.state, id).toEqual(local.sim.world.nodes[id]?.state);
        expect(host.sim.world.nodes[id]?.persisted, id).toEqual(local.sim.world.nodes[id]?.persisted);
      }
    } finally {
      await host.close();
    }
  });

  // Live actions and seeks reset the threads that ran ahead, or all of them: the trace, the
  // states and the storage must still be the in-process ones for the actions the run ended with.
  // Beacon counts its ticks, so a thread left ahead shows; Raft's log travels as appends.
  it.each([
    ['beacon', 'windows'],
    ['beacon', 'batches'],
    ['raft', 'windows'],
    ['raft', 'batches'],
  ] as const)('keeps the in-process trace and states through live actions, seeks and single steps: %s (%s)', async (lab, stepping) => {
    const run = resolveRun({ lab, variant: 'hardened', seed: 5, untilMs: 3000, faults: 'light', params: {} });
    const trace: string[] = [];
    const host = await ThreadHost.start(run.lab, run.spec, { checkpointEvery: 300, onEvent: (e) => (trace[e.seq - 1] = formatTraceLine(e)) }, stepping);
    const runTo = async (t: number) => {
      while ((await host.runUntil(t)) === 'halted') host.sim.clearHalt();
    };
    try {
      // Single steps until threads have run ahead of the kernel (with windows), at most 30.
      const stepAhead = async () => {
        for (let i = 0; i < 30 && (i === 0 || host.run.nodesAhead.length === 0); i++) await host.run.step();
        if (stepping === 'windows') expect(host.run.nodesAhead.length).toBeGreaterThan(0);
      };
      await runTo(900);
      await stepAhead();
      await host.run.act({ kind: 'crash', node: 'n2' });
      await runTo(1400);
      await host.run.seek(700);
      await host.run.act({ kind: 'isolate', node: 'n1' });
      await runTo(1600);
      await stepAhead();
      await host.run.seek(1900);
      await stepAhead();
      await host.run.act({ kind: 'healAll' });
      await host.run.act({ kind: 'restart', node: 'n2' });
      await runTo(run.untilMs);
      const lines: string[] = [];
      const local = createInProcessRun(run.lab, { ...host.sim.spec, actions: [...host.sim.actionList] }, { onEvent: (e) => lines.push(formatTraceLine(e)) });
      runThroughHalts(local, () => local.sim.world.traceCount < host.sim.world.traceCount);
      expect(trace.slice(0, host.sim.world.traceCount)).toEqual(lines);
      for (const id of local.sim.world.order) {
        expect(host.sim.world.nodes[id]?.state, id).toEqual(local.sim.world.nodes[id]?.state);
        expect(host.sim.world.nodes[id]?.persisted, id).toEqual(local.sim.world.nodes[id]?.persisted);
      }
    } finally {
      await host.close();
    }
  });
});
