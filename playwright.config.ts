import { execSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium (scripts/ensure-chromium.sh installs it); Playwright never downloads one. */
function chromiumPath(): string {
  const given = process.env['CHROMIUM_PATH'];
  if (given !== undefined && given !== '') return given;
  try {
    return execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim();
  } catch {
    throw new Error('Chromium was not found: run scripts/ensure-chromium.sh or set CHROMIUM_PATH');
  }
}

const reportDir = process.env['DISTLAB_REPORT_DIR'];

/**
 * The preview server's port: chosen once by the main Playwright process and inherited by its
 * workers through the environment, so two test runs on one machine do not collide.
 */
function e2ePort(): number {
  const given = Number(process.env['DISTLAB_E2E_PORT']);
  if (Number.isInteger(given) && given > 0) return given;
  const port = 20_000 + Math.floor(Math.random() * 40_000);
  process.env['DISTLAB_E2E_PORT'] = String(port);
  return port;
}
const port = e2ePort();
/** Each run builds into its own folder, so runs on one machine never serve each other's files. */
const outDir = join(tmpdir(), `distlab-e2e-${port}`);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000, toHaveScreenshot: { maxDiffPixelRatio: 0.002, animations: 'disabled' } },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: reportDir === undefined ? [['list']] : [['list'], ['json', { outputFile: `${reportDir}/playwright.json` }]],
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
    },
  },
  webServer: {
    // The e2e build also registers the test fixture lab (tests/fixtures).
    command: `npx vite build --mode e2e --logLevel error --outDir ${outDir} --emptyOutDir && npx vite preview --mode e2e --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
