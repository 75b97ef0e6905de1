/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// When CI asks for a report directory, tests also write machine-readable results there, so
// .ci/run can add up every suite into one closing line.
const reportDir = process.env['DISTLAB_REPORT_DIR'];

/**
 * `distlab:fixture-labs` is the test fixture labs (tests/fixtures) in development, e2e and test
 * builds, and nothing in a production build, so shipped code never contains test code.
 */
function fixtureLabs(mode: string): Plugin {
  const id = 'distlab:fixture-labs';
  const fixtures = fileURLToPath(new URL('./tests/fixtures/index.ts', import.meta.url));
  return {
    name: 'distlab-fixture-labs',
    resolveId: (source) => (source === id ? (mode === 'production' ? `\0${id}` : fixtures) : null),
    load: (resolved) => (resolved === `\0${id}` ? 'export const fixtureLabs = [];' : null),
  };
}

export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react(), fixtureLabs(mode)],
  worker: { format: 'es', plugins: () => [fixtureLabs(mode)] },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 800 },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'cli/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/propertySeed.ts'],
    // The CLI's labs in tests: the product's and the fixture labs (cli/catalogue.ts).
    env: { DISTLAB_FIXTURE_LABS: fileURLToPath(new URL('./tests/fixtures/index.ts', import.meta.url)) },
    testTimeout: 60_000,
    reporters: reportDir === undefined ? ['default'] : ['default', ['json', { outputFile: `${reportDir}/vitest.json` }]],
  },
}));
