/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// When CI asks for a report directory, tests also write machine-readable results there, so
// .ci/run can add up every suite into one closing line.
const reportDir = process.env['DISTLAB_REPORT_DIR'];

export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 800 },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    reporters: reportDir === undefined ? ['default'] : ['default', ['json', { outputFile: `${reportDir}/vitest.json` }]],
  },
});
