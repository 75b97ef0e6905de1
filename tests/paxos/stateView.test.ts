/** The Paxos state table's headline at the scenarios' moments, from the nodes' states in the run. */
import { describe, expect, it } from 'vitest';
import { multiPaxosLab } from '../../src/labs/multi-paxos/lab';
import { paxosLab } from '../../src/labs/paxos/lab';
import { buildFrame } from '../../src/runtime/frame';
import type { LabDefinition } from '../../src/labs/contract/lab';
import { paxosStateModel } from '../../src/labs/paxos/stateModel';
import { runScenario, scenarioOf } from './scenarioRun';

/** The model at the scenario's last narration step. */
function modelAtEnd(lab: LabDefinition, id: string) {
  const scenario = scenarioOf(lab, id);
  const run = runScenario(lab, { ...scenario, untilMs: scenario.narration.at(-1)?.at ?? scenario.untilMs });
  return paxosStateModel(buildFrame(run.sim).nodes, (n) => lab.look({ ...n, persisted: {} }).role, lab.id === 'paxos');
}

describe('the Paxos state headline', () => {
  it('forgetful-acceptor, at the violation: "A" (learned) and "B" (accepted by n2, n3, n5, learned by no one yet) are both chosen, and that is flagged', () => {
    const model = modelAtEnd(paxosLab, 'forgetful-acceptor');
    expect(model.chosen).toEqual(['"A"', '"B"']);
    expect(model.conflicts).toEqual([{ slot: 0, values: ['"A"', '"B"'] }]);
  });

  it('restart-keeps-promise: only "A"', () => {
    const model = modelAtEnd(paxosLab, 'restart-keeps-promise');
    expect(model.chosen).toEqual(['"A"']);
    expect(model.conflicts).toEqual([]);
  });

  it('Multi-Paxos leader-change: one value per slot', () => {
    const model = modelAtEnd(multiPaxosLab, 'leader-change');
    expect(model.chosen).toEqual(['"x"']);
    expect(model.conflicts).toEqual([]);
  });
});

describe('the article proposer’s stall in the state table', () => {
  it('article-stalled: n1 has 4 promises but has heard from 3 of 4 nodes, so it is not "enough"', () => {
    const n1 = modelAtEnd(paxosLab, 'article-stalled').rows[0]?.proposer;
    expect(n1).toMatchObject({ phase: 'prepare', waiting: 'replied 3 of 4', promises: { n: 4, enough: false } });
  });

  it('dueling-backoff (hardened): no reply count, the majority is what counts', () => {
    const rows = modelAtEnd(paxosLab, 'dueling-backoff').rows;
    expect(rows.map((r) => r.proposer?.waiting ?? null)).toEqual(['', '', null, null, null]);
  });
});
