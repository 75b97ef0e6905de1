import { describe, expect, it } from 'vitest';
import { multiPaxosLab } from '../../src/labs/multi-paxos/lab';
import { paxosLab } from '../../src/labs/paxos/lab';
import { createInProcessRun, runUntil } from '../../src/runtime/inProcess';
import type { NodeView } from '../../src/sim/checker';
import type { Json } from '../../src/sim/json';
import { resolveLabParams } from '../../src/runtime/runnableLab';
import { runScenario, scenarioOf } from './scenarioRun';

function view(run: Pick<ReturnType<typeof runScenario>, 'sim'>, id: string): NodeView {
  const n = run.sim.world.nodes[id];
  if (n === undefined) throw new Error(`no node ${id}`);
  return { id, kind: n.kind, status: n.status, state: n.state as Json, persisted: n.persisted };
}

describe('how Paxos nodes look', () => {
  it('a proposer stuck in phase 1, and the acceptors around it', () => {
    const r = runScenario(paxosLab, scenarioOf(paxosLab, 'article-stalled'));
    expect(paxosLab.look(view(r, 'n1'))).toEqual({ role: 'proposer', detail: 'prepare 1.n1 · 4 promised' });
    expect(paxosLab.look(view(r, 'n3'))).toEqual({ role: 'acceptor', detail: 'promised 1.n2' });
    expect(paxosLab.look(view(r, 'n5'))).toEqual({ role: 'acceptor', detail: 'no promise' });
  });

  it('a learner shows the chosen value with its acceptor state', () => {
    const r = runScenario(paxosLab, scenarioOf(paxosLab, 'value-chosen'));
    expect(paxosLab.look(view(r, 'n3'))).toEqual({ role: 'learned', detail: 'chosen A · promised 1.n1 · accepted 1.n1=A' });
  });

  it('a proposer out of its round still shows as a proposer, never as a plain acceptor', () => {
    const r = runScenario(paxosLab, scenarioOf(paxosLab, 'value-chosen'));
    expect(paxosLab.look(view(r, 'n1'))).toEqual({ role: 'proposer', detail: 'chosen A · promised 1.n1 · accepted 1.n1=A' });
    const idle = runScenario(paxosLab, { ...scenarioOf(paxosLab, 'value-chosen'), untilMs: 50 });
    expect(paxosLab.look(view(idle, 'n2'))).toEqual({ role: 'proposer', detail: 'idle · no promise' });
    // Before its first step, too.
    expect(paxosLab.look({ ...view(idle, 'n2'), state: undefined })).toEqual({ role: 'proposer', detail: '' });
    expect(multiPaxosLab.look({ id: 'n3', kind: 'proposer', status: 'up', state: undefined, persisted: {} }).role).toBe('follower');
  });

  it('down and paused nodes show their status', () => {
    const r = runScenario(paxosLab, scenarioOf(paxosLab, 'value-chosen'));
    expect(paxosLab.look({ ...view(r, 'n2'), status: 'paused' }).role).toBe('paused');
    expect(paxosLab.look({ ...view(r, 'n2'), status: 'down', state: undefined }).role).toBe('down');
  });

  it.each([paxosLab, multiPaxosLab])('$id: every role a look returns in the scenarios is in the legend, and every legend role shows up', (lab) => {
    const seen = new Set<string>();
    for (const scenario of lab.scenarios) {
      const spec = { lab: lab.id, variant: scenario.variant, seed: scenario.seed, params: resolveLabParams(lab, scenario.params), actions: scenario.actions };
      const run = createInProcessRun(lab, spec);
      // Every 5 ms of the story, each node as it is, and as it would look paused or down.
      for (let t = 0; t <= scenario.untilMs; t += 5) {
        while (runUntil(run.sim, run.stepper, t) === 'halted') run.sim.clearHalt();
        for (const id of Object.keys(run.sim.world.nodes)) {
          const v = view({ sim: run.sim }, id);
          for (const status of ['up', 'paused', 'down'] as const) seen.add(lab.look({ ...v, status }).role);
        }
      }
    }
    expect([...seen].filter((role) => !lab.roles.includes(role))).toEqual([]);
    expect(lab.roles.filter((role) => !seen.has(role))).toEqual([]);
  });

  it('Multi-Paxos: the leader, a follower proposer and a plain acceptor', () => {
    const r = runScenario(multiPaxosLab, scenarioOf(multiPaxosLab, 'leader-change'));
    expect(multiPaxosLab.look(view(r, 'n3'))).toEqual({ role: 'leader', detail: '2.n3 · 4 applied · 0 in flight' });
    expect(multiPaxosLab.look(view(r, 'n1'))).toEqual({ role: 'follower', detail: 'promised 1.n1 · 4 applied' });
    expect(multiPaxosLab.look(view(r, 'n5'))).toEqual({ role: 'acceptor', detail: 'promised 2.n3 · 4 applied' });
  });
});
