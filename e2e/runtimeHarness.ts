/**
 * Drives the page's real runtime (scheduler worker + one Web Worker per node) from a test,
 * through the hook that development and e2e builds expose on window.__distlab.
 */
import type { Page } from '@playwright/test';
import type { RunSpec } from '../src/sim/simulation';

export interface PageRunState {
  readonly now: number;
  readonly playing: boolean;
  readonly eventCount: number;
  readonly nodes: readonly { id: string; status: string; error: string | null; state: unknown }[];
}

export async function startRun(page: Page, spec: RunSpec): Promise<void> {
  await page.evaluate(async (s) => {
    const w = window as unknown as { __distlab: { createRunController: () => unknown }; __run: unknown; __last: unknown };
    const controller = w.__distlab.createRunController() as { load(spec: unknown): Promise<void>; subscribe(l: (u: unknown) => void): void };
    controller.subscribe((u) => {
      w.__last = u;
    });
    w.__run = controller;
    await controller.load(s);
  }, spec as unknown as Record<string, unknown>);
}

export async function runState(page: Page): Promise<PageRunState | null> {
  return page.evaluate(() => {
    const last = (window as unknown as { __last?: { playing: boolean; frame: { now: number; eventCount: number; nodes: PageRunState['nodes'] } } }).__last;
    return last === undefined ? null : { now: last.frame.now, playing: last.playing, eventCount: last.frame.eventCount, nodes: last.frame.nodes };
  });
}

export async function call(page: Page, method: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    ([m, a]) => {
      const run = (window as unknown as { __run: Record<string, (...x: unknown[]) => unknown> }).__run;
      return run[m as string]!(...(a as unknown[]));
    },
    [method, args] as const,
  );
}

/** Waits, on the page's own last update, for the run to stand paused at or past virtual time `t`. */
export async function waitPausedAt(page: Page, t: number): Promise<PageRunState> {
  await page.waitForFunction(
    (until) => {
      const last = (window as unknown as { __last?: { playing: boolean; frame: { now: number } } }).__last;
      return last !== undefined && !last.playing && last.frame.now >= until;
    },
    t,
    { timeout: 30_000 },
  );
  const state = await runState(page);
  if (state === null) throw new Error(`the run did not pause at ${t} ms`);
  return state;
}

export function nodeWorkerCount(page: Page): number {
  return page.workers().filter((w) => w.url().includes('node.worker')).length;
}
