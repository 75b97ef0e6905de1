/**
 * Events per second through the page's real Web Workers in Debian's Chromium: the e2e build is
 * served by `vite preview`, the page's runtime hook (development and e2e builds only) starts a
 * run, and the scheduler worker steps one Web Worker per node. As with worker_threads, the
 * workers warm up before the clock starts, and the figure is the median segment.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { resolveLabParams } from '../src/runtime/runnableLab';
import type { RunSpec } from '../src/sim/simulation';
import { beaconLab } from '../tests/fixtures/beaconLab';
import { median } from './measure';
import type { BenchRow, BenchTable } from './table';

export const CHROMIUM_WORKERS_ROW_ID = 'chromium-web-workers';
export const WORKERS_TARGET_EVENTS_PER_S = 100_000;

export interface ChromiumOptions {
  readonly segmentMs: number;
  readonly segments: number;
}

async function startRun(page: Page, spec: RunSpec): Promise<void> {
  await page.evaluate(async (s) => {
    type Controller = { load(spec: unknown): Promise<void>; subscribe(listener: (u: unknown) => void): void };
    const w = window as unknown as { __distlab: { createRunController: () => Controller }; __run: Controller; __last: unknown };
    const controller = w.__distlab.createRunController();
    controller.subscribe((update) => void (w.__last = update));
    w.__run = controller;
    await controller.load(s);
  }, spec as unknown as Record<string, unknown>);
}

/** Plays at full speed to `untilMs` and returns the wall ms it took and the events it wrote. */
async function playTo(page: Page, untilMs: number): Promise<{ ms: number; events: number }> {
  return page.evaluate(
    (until) =>
      new Promise<{ ms: number; events: number }>((resolve) => {
        type Update = { playing: boolean; frame: { now: number; eventCount: number } };
        const w = window as unknown as { __run: { playUntil(t: number): void; subscribe(l: (u: Update) => void): () => void }; __last?: Update };
        const before = w.__last?.frame.eventCount ?? 0;
        const start = performance.now();
        const stop = w.__run.subscribe((u) => {
          if (u.playing || u.frame.now < until) return;
          stop();
          resolve({ ms: performance.now() - start, events: u.frame.eventCount - before });
        });
        w.__run.playUntil(until);
      }),
    untilMs,
  );
}

/** Serves the e2e build with `vite preview` and hands a Chromium page on it to `use`. */
export async function withPreviewPage<T>(use: (page: Page, url: string) => Promise<T>): Promise<T> {
  const outDir = mkdtempSync(join(tmpdir(), 'distlab-bench-'));
  await build({ mode: 'e2e', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({ mode: 'e2e', logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    return await use(page, server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/');
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function measureChromiumWorkers(options: ChromiumOptions): Promise<BenchRow> {
  return withPreviewPage(async (page, url) => {
    await page.goto(`${url}#/`);
    await startRun(page, { lab: 'beacon', variant: 'hardened', seed: 1, params: resolveLabParams(beaconLab, { nodes: 5 }), actions: [] });
    let untilMs = options.segmentMs;
    await playTo(page, untilMs);
    const rates: number[] = [];
    let total = 0;
    for (let i = 0; i < options.segments; i++) {
      untilMs += options.segmentMs;
      const { ms, events } = await playTo(page, untilMs);
      rates.push((events / ms) * 1000);
      total += events;
    }
    return {
      id: CHROMIUM_WORKERS_ROW_ID,
      label: 'events/s, Chromium Web Workers',
      value: median(rates),
      unit: 'ev/s',
      better: 'higher',
      target: WORKERS_TARGET_EVENTS_PER_S,
      note: `beacon, 5 nodes = 5 Web Workers + the scheduler worker, lookahead windows; median of ${options.segments} segments of ${options.segmentMs / 1000} s virtual (${total.toLocaleString('en-US')} events)`,
    };
  });
}

/** Puts the measured browser row in the table. */
export function addChromiumWorkersRow(table: BenchTable, row: BenchRow): void {
  table.add(row);
}
