/**
 * Property tests over many seeds with random faults from src/sim/faultPlan.ts (crashes with
 * restarts, pauses, partitions, loss, duplication, slow links), run on the in-process host.
 */
import { describe, expect, it } from 'vitest';
import { raftLab } from '../../src/labs/raft/lab';
import type { RaftState } from '../../src/protocols/raft';
import { createInProcessRun, runUntil, type InProcessRun } from '../../src/runtime/inProcess';
import type { Action } from '../../src/sim/actions';
import { faultPlan, type FaultIntensity } from '../../src/sim/faultPlan';
import { resolveLabParams } from '../../src/runtime/runnableLab';
import { networkFromParams } from '../../src/sim/params';
import type { TraceEvent } from '../../src/sim/trace';

interface FuzzRun extends InProcessRun {
  readonly events: TraceEvent[];
}

function start(variant: string, seed: number, params: Record<string, number>, untilMs: number, intensity: FaultIntensity, extra: Action[] = []): FuzzRun {
  const resolved = resolveLabParams(raftLab, params);
  const nodes = raftLab.topology(resolved).map((n) => n.id);
  const faults = faultPlan({ seed, nodes, untilMs, intensity, network: networkFromParams(resolved) });
  const events: TraceEvent[] = [];
  // Only what the assertions need is kept: violations, node errors and client results.
  const keep = (e: TraceEvent) => e.type === 'violation' || e.type === 'crash' || e.type === 'invoke' || e.type === 'ok' || e.type === 'fail';
  const run = createInProcessRun(raftLab, { lab: 'raft', variant, seed, params: resolved, actions: [...faults, ...extra] }, { onEvent: (e) => void (keep(e) && events.push(e)) });
  return { ...run, events };
}

const violations = (events: readonly TraceEvent[]) => events.filter((e) => e.type === 'violation');
const nodeErrors = (events: readonly TraceEvent[]) => events.filter((e) => e.type === 'crash' && e.error !== undefined);

/** Seeds cover 3 to 7 nodes (even counts too) and a few client rates. */
function paramsFor(seed: number): Record<string, number> {
  return { nodes: 3 + (seed % 5), clientIntervalMs: [50, 100, 200][seed % 3] as number };
}

describe('raft under heavy faults', () => {
  it('hardened: 300 seeds of heavy faults, zero violations and no node errors', () => {
    const failing: string[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      const run = start('hardened', seed, paramsFor(seed), 10_000, 'heavy');
      runUntil(run.sim, run.stepper, 10_000);
      const bad = [...violations(run.events), ...nodeErrors(run.events)];
      if (bad.length > 0) failing.push(`seed ${seed}: ${JSON.stringify(bad[0])}`);
    }
    expect(failing).toEqual([]);
  });

  it('hardened: 9 nodes, 20 seeds of heavy faults, zero violations', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const run = start('hardened', seed, { nodes: 9 }, 10_000, 'heavy');
      runUntil(run.sim, run.stepper, 10_000);
      expect([...violations(run.events), ...nodeErrors(run.events)], `seed ${seed}`).toEqual([]);
    }
  });

  it('article: the checkers find a violation within the first 20 seeds', () => {
    let found: { seed: number; rule: string } | null = null;
    for (let seed = 1; seed <= 20 && found === null; seed++) {
      const run = start('article', seed, {}, 10_000, 'heavy');
      if (runUntil(run.sim, run.stepper, 10_000) === 'halted') {
        const v = violations(run.events)[0];
        if (v?.type === 'violation') found = { seed, rule: v.rule };
      }
    }
    expect(found).not.toBeNull();
  });
});

function leaderNow(run: InProcessRun): string | null {
  const nodes = Object.values(run.sim.world.nodes).filter((n) => n.status === 'up' && n.state !== undefined);
  const states = nodes.map((n) => ({ id: n.id, s: n.state as unknown as RaftState }));
  const top = Math.max(...states.map((x) => x.s.term));
  return states.find((x) => x.s.role === 'leader' && x.s.term === top)?.id ?? null;
}

/** Runs until a put sent to the current leader is answered OK; returns when, or null. */
function commitOnePut(run: FuzzRun, fromMs: number, boundMs: number): number | null {
  let t = fromMs;
  while (t < fromMs + boundMs) {
    t += 25;
    runUntil(run.sim, run.stepper, t);
    const leader = leaderNow(run);
    if (leader === null) continue;
    const before = run.events.length;
    run.sim.addAction({ kind: 'command', node: leader, cmd: { op: 'put', key: 'live', value: String(t) } });
    runUntil(run.sim, run.stepper, t + 300);
    t += 300;
    const invoke = run.events.slice(before).find((e) => e.type === 'invoke' && e.op['key'] === 'live');
    const answer = run.events.find((e) => (e.type === 'ok' || e.type === 'fail') && invoke?.type === 'invoke' && e.opId === invoke.opId);
    if (answer?.type === 'ok') return answer.t;
  }
  return null;
}

describe('raft liveness', () => {
  const FAULTS_UNTIL_MS = 10_000;
  // Every fault of the plan is undone by 95 % of its length (pauses last at most 5 % of it).
  const CALM_MS = 9_500;
  const BOUND_MS = 3_000;

  it('hardened: once faults stop, a leader is elected and a put commits within 3 s (30 seeds)', () => {
    const slow: string[] = [];
    for (let seed = 1; seed <= 30; seed++) {
      const run = start('hardened', seed, { clientIntervalMs: 0 }, FAULTS_UNTIL_MS, 'heavy');
      runUntil(run.sim, run.stepper, CALM_MS);
      const at = commitOnePut(run, CALM_MS, BOUND_MS);
      if (at === null) slow.push(`seed ${seed}`);
    }
    expect(slow).toEqual([]);
  });

  it('hardened: with a minority down for good, the majority still elects and commits', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const down: Action[] = [
        { at: CALM_MS, kind: 'crash', node: 'n1' },
        { at: CALM_MS, kind: 'crash', node: 'n2' },
      ];
      const run = start('hardened', seed, { clientIntervalMs: 0 }, FAULTS_UNTIL_MS, 'heavy', down);
      runUntil(run.sim, run.stepper, CALM_MS);
      expect(commitOnePut(run, CALM_MS, BOUND_MS), `seed ${seed}`).not.toBeNull();
    }
  });

  it('article: without faults it elects a leader and commits too', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const run = start('article', seed, { clientIntervalMs: 0 }, 1000, 'none');
      expect(commitOnePut(run, 0, BOUND_MS), `seed ${seed}`).not.toBeNull();
    }
  });
});
