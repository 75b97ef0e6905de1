import { describe, expect, it } from 'vitest';
import { multiPaxosLab } from '../../src/labs/multi-paxos/lab';
import { paxosLab } from '../../src/labs/paxos/lab';
import type { NodeView } from '../../src/sim/checker';
import type { Json } from '../../src/sim/json';
import { runScenario, scenarioOf } from './scenarioRun';

function view(run: ReturnType<typeof runScenario>, id: string): NodeView {
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

  it('down and paused nodes show their status', () => {
    const r = runScenario(paxosLab, scenarioOf(paxosLab, 'value-chosen'));
    expect(paxosLab.look({ ...view(r, 'n2'), status: 'paused' }).role).toBe('paused');
    expect(paxosLab.look({ ...view(r, 'n2'), status: 'down', state: undefined }).role).toBe('down');
  });

  it('every role a look returns is in the legend', () => {
    expect(paxosLab.roles).toEqual(['proposer', 'acceptor', 'learned', 'paused', 'down']);
    expect(multiPaxosLab.roles).toEqual(['leader', 'candidate', 'follower', 'acceptor', 'paused', 'down']);
  });

  it('Multi-Paxos: the leader, a follower proposer and a plain acceptor', () => {
    const r = runScenario(multiPaxosLab, scenarioOf(multiPaxosLab, 'leader-change'));
    expect(multiPaxosLab.look(view(r, 'n3'))).toEqual({ role: 'leader', detail: '2.n3 · 4 applied · 0 in flight' });
    expect(multiPaxosLab.look(view(r, 'n1'))).toEqual({ role: 'follower', detail: 'promised 1.n1 · 4 applied' });
    expect(multiPaxosLab.look(view(r, 'n5'))).toEqual({ role: 'acceptor', detail: 'promised 2.n3 · 4 applied' });
  });
});
