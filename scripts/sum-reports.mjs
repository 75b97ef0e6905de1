// Adds up the unit/property (Vitest) and browser (Playwright) results into the closing line
// "N passed, N failed". A test command that failed before or outside the suites (typecheck,
// lint, a crashed runner) counts as one more failure, so the line never hides a red run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir = 'reports', statusText = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;

const vitestFile = join(dir, 'vitest.json');
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
}

const playwrightFile = join(dir, 'playwright.json');
if (existsSync(playwrightFile)) {
  const p = JSON.parse(readFileSync(playwrightFile, 'utf8'));
  passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
  failed += (p.stats?.unexpected ?? 0);
}

const status = Number(statusText);
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
