/**
 * Golden transcripts: each scenario's facts, faults, client operations and violations, compared
 * with tests/paxos/testdata/LAB-SCENARIO.txt. When a change is meant, rewrite them with
 * `UPDATE_GOLDEN=1 npx vitest run tests/paxos/golden.test.ts` and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { multiPaxosLab } from '../../src/labs/multi-paxos/lab';
import { paxosLab } from '../../src/labs/paxos/lab';
import { runScenario, transcript } from './scenarioRun';

const DIR = new URL('./testdata/', import.meta.url);
const update = process.env['UPDATE_GOLDEN'] === '1';

describe.each([paxosLab, multiPaxosLab])('golden transcripts of $id', (lab) => {
  it.each(lab.scenarios.map((s) => [s.id, s] as const))('%s', (id, scenario) => {
    const file = new URL(`${lab.id}-${id}.txt`, DIR);
    const text = transcript(runScenario(lab, scenario).events);
    if (update) {
      mkdirSync(DIR, { recursive: true });
      writeFileSync(file, text);
      return;
    }
    expect(existsSync(file), `no golden file ${file.pathname}; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});
