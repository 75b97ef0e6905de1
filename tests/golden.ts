/**
 * Golden transcripts: a test's text compared with a file kept in the repository. The files are
 * written only when asked (`UPDATE_GOLDEN=1`), so a missing or changed file fails the test instead
 * of quietly becoming the new expectation; review the diff after an update.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LabDefinition } from '../src/labs/contract/lab';
import type { Scenario } from '../src/labs/contract/scenario';
import { runScenario, type ScenarioRun } from './transcript';

export const updatingGolden = process.env['UPDATE_GOLDEN'] === '1';

/** Expects `text` to be the golden file's content, or writes the file when updating. */
export function expectGolden(file: URL, text: string): void {
  if (updatingGolden) {
    mkdirSync(new URL('.', file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  expect(existsSync(file), `no golden file ${file.pathname}; run the test with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

/**
 * One golden test per scenario of each lab, comparing `text` of its run with DIR/LAB-SCENARIO.txt,
 * and one test per lab that DIR holds no file of a scenario the lab no longer has.
 */
export function describeGoldenTranscripts(labs: readonly LabDefinition[], dir: URL, text: (run: ScenarioRun, lab: LabDefinition, scenario: Scenario) => string): void {
  describe.each(labs)('golden transcripts of $id', (lab) => {
    it.each(lab.scenarios.map((s) => [s.id, s] as const))('%s', (id, scenario) => {
      expectGolden(new URL(`${lab.id}-${id}.txt`, dir), text(runScenario(lab, scenario), lab, scenario));
    });

    it.skipIf(updatingGolden)('has no golden file left from a scenario it no longer has', () => {
      const pattern = new RegExp(`^${lab.id}-(.*)\\.txt$`);
      const others = new Set(labs.filter((l) => l !== lab && l.id.startsWith(`${lab.id}-`)).flatMap((l) => l.scenarios.map((s) => `${l.id}-${s.id}.txt`)));
      const files = readdirSync(dir).filter((f) => pattern.test(f) && !others.has(f));
      expect(files.sort()).toEqual(lab.scenarios.map((s) => `${lab.id}-${s.id}.txt`).sort());
    });
  });
}
