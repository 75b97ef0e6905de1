/**
 * Golden transcripts: a test's text compared with a file kept in the repository. The files are
 * written only when asked (`UPDATE_GOLDEN=1`), so a missing or changed file fails the test instead
 * of quietly becoming the new expectation; review the diff after an update.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

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
