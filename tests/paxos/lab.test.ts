import { describe, expect, it } from 'vitest';
import { multiPaxosLab } from '../../src/labs/multi-paxos/lab';
import { paxosLab } from '../../src/labs/paxos/lab';
import { resolveLabParams } from '../../src/runtime/runnableLab';
import type { Scenario } from '../../src/labs/contract/scenario';
import { runScenario, scenarioOf } from './scenarioRun';
import { boundedSpec, changeWithin, ParamError, paramApplies } from '../../src/sim/params';

describe('the Paxos lab definitions', () => {
  it('n1..nA are acceptors; the first P of them propose', () => {
    expect(paxosLab.topology(resolveLabParams(paxosLab, { acceptors: 3, proposers: 2 }))).toEqual([
      { id: 'n1', kind: 'proposer' },
      { id: 'n2', kind: 'proposer' },
      { id: 'n3', kind: 'acceptor' },
    ]);
    expect(multiPaxosLab.topology(resolveLabParams(multiPaxosLab, { acceptors: 3, proposers: 3 })).map((n) => n.kind)).toEqual(['proposer', 'proposer', 'proposer']);
  });

  it('refuses more proposers than acceptors, offers the slider only up to the acceptors, and lowers proposers with the acceptors', () => {
    expect(() => resolveLabParams(multiPaxosLab, { acceptors: 3, proposers: 9 })).toThrow('proposers (9) must be at most acceptors (3)');
    const spec = paxosLab.params.find((p) => p.name === 'proposers');
    if (spec === undefined) throw new Error('no proposers parameter');
    expect(boundedSpec(spec, { acceptors: 4 })).toMatchObject({ max: 4 });
    expect(changeWithin(paxosLab.params, { acceptors: 5, proposers: 5 }, 'acceptors', 3)).toEqual({ acceptors: 3, proposers: 3 });
    expect(changeWithin(paxosLab.params, { acceptors: 5, proposers: 2 }, 'acceptors', 3)).toEqual({ acceptors: 3 });
  });

  it('offers the timeout and backoff settings only where they do something: not in the article, which has neither', () => {
    const shown = (variant: string) => paxosLab.params.filter((p) => paramApplies(p, variant)).map((p) => p.name);
    expect(shown('hardened')).toEqual(['acceptors', 'proposers', 'autoProposeMs', 'phaseTimeoutMs', 'backoff', 'backoffMs', 'acceptorPersistence']);
    expect(shown('article')).toEqual(['acceptors', 'proposers', 'autoProposeMs', 'acceptorPersistence']);
    // Seed 2 has an article round that fails and is retried: the retry is at once, whatever the settings.
    const run = (params: Scenario['params']) => runScenario(paxosLab, { ...scenarioOf(paxosLab, 'article-stalled'), seed: 2, params: { proposers: 3, autoProposeMs: 200, ...params }, actions: [], untilMs: 3000 }).events;
    const plain = run({});
    expect(plain.filter((e) => e.type === 'output' && e.fact['phase'] === 'backoff')).toHaveLength(1);
    expect(run({ phaseTimeoutMs: 20, backoff: 'none', backoffMs: 5 })).toEqual(plain);
  });

  it('takes 3 to 9 acceptors and names what is valid otherwise', () => {
    expect(() => resolveLabParams(paxosLab, { acceptors: 10 })).toThrow(ParamError);
    expect(() => resolveLabParams(paxosLab, { acceptorPersistence: 'sometimes' })).toThrow(/durable\|forgetful/);
  });

  it('has a protocol for every node kind, and checkers sized to the acceptors', () => {
    for (const lab of [paxosLab, multiPaxosLab]) {
      const params = resolveLabParams(lab, {});
      for (const node of lab.topology(params)) expect(lab.protocols[node.kind]).toBeDefined();
    }
    expect(paxosLab.checkers('hardened', resolveLabParams(paxosLab, {})).map((c) => c.rule)).toEqual(['one-value-per-slot', 'only-proposed-chosen', 'promise-kept']);
    expect(multiPaxosLab.checkers('hardened', resolveLabParams(multiPaxosLab, {})).map((c) => c.rule)).toEqual(['one-value-per-slot', 'only-proposed-chosen', 'promise-kept', 'apply-in-order']);
  });

  it('offers the page a propose command, and Multi-Paxos a time-out too', () => {
    expect(paxosLab.commands.map((c) => c.cmd)).toEqual([{ op: 'propose' }]);
    expect(multiPaxosLab.commands.map((c) => c.cmd)).toEqual([{ op: 'propose' }, { op: 'timeout' }]);
  });
});
