/**
 * Frame times on the page's main thread while a run plays: the Raft lab with 9 nodes at 10×
 * speed, the whole lab page drawing. The main thread only renders (the scheduler and the nodes
 * run in workers), so frames should stay near the display's 16.7 ms.
 */
import type { Page } from '@playwright/test';
import { withPreviewPage } from './chromiumWorkers';
import { median } from './measure';
import type { BenchRow } from './table';

const FRAME_BUDGET_MS = 50;

/**
 * Gaps between animation frames over `seconds`. The page code is a string: the bench runs under
 * tsx, whose name-keeping helpers would not exist in the page.
 */
async function sampleFrames(page: Page, seconds: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const gaps = [];
    let last = performance.now();
    const end = last + ${seconds * 1000};
    requestAnimationFrame(function tick(now) {
      gaps.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else resolve(gaps);
    });
  })`);
}

export async function measureFrameTimes(seconds: number): Promise<BenchRow> {
  return withPreviewPage(async (page, url) => {
    await page.goto(`${url}#/raft?variant=hardened&seed=1&p.nodes=9`);
    await page.getByTestId('status-state').filter({ hasText: 'paused' }).waitFor();
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(1000);
    const gaps = await sampleFrames(page, seconds);
    const sorted = [...gaps].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? NaN;
    return {
      id: 'frame-times',
      label: 'frame time p95, Raft 9 nodes at 10×',
      value: p95,
      unit: 'ms',
      better: 'lower',
      target: FRAME_BUDGET_MS,
      note: `main thread while the lab page plays; ${gaps.length} frames in ${seconds} s, median ${median(gaps).toFixed(1)} ms, worst ${(sorted.at(-1) ?? NaN).toFixed(1)} ms (headless Chromium, software rendering)`,
    };
  });
}
