/**
 * Golden transcripts: each scenario's facts, faults, client operations and violations, compared
 * with tests/paxos/testdata/LAB-SCENARIO.txt. When a change is meant, rewrite them with
 * `UPDATE_GOLDEN=1 npx vitest run tests/paxos/golden.test.ts` and review the diff.
 */
import { describe, it } from 'vitest';
import { multiPaxosLab } from '../../src/labs/multi-paxos/lab';
import { paxosLab } from '../../src/labs/paxos/lab';
import { expectGolden } from '../golden';
import { runScenario, transcript } from './scenarioRun';

const DIR = new URL('./testdata/', import.meta.url);

describe.each([paxosLab, multiPaxosLab])('golden transcripts of $id', (lab) => {
  it.each(lab.scenarios.map((s) => [s.id, s] as const))('%s', (id, scenario) => {
    expectGolden(new URL(`${lab.id}-${id}.txt`, DIR), transcript(runScenario(lab, scenario).events));
  });
});
