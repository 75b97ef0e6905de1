import { expect, test } from '@playwright/test';
import { createInProcessRun, runUntil } from '../src/runtime/inProcess';
import type { Action } from '../src/sim/actions';
import { resolveLabParams } from '../src/runtime/runnableLab';
import type { RunSpec } from '../src/sim/simulation';
import { TraceDigest } from '../src/sim/traceDigest';
import { beaconLab } from '../tests/fixtures/beaconLab';
import { call, nodeWorkerCount, runState, startRun, waitPausedAt } from './runtimeHarness';

const faults: Action[] = [
  { at: 200, kind: 'network', settings: { lossRate: 0.15, duplicateRate: 0.15, latencyMsMax: 30 } },
  { at: 400, kind: 'crash', node: 'n2' },
  { at: 600, kind: 'split', groups: [['n1', 'n2'], ['n3', 'n4', 'n5']] },
  { at: 900, kind: 'restart', node: 'n2' },
  { at: 1000, kind: 'pause', node: 'n4', ms: 250 },
  { at: 1300, kind: 'healAll' },
  { at: 1500, kind: 'crash', node: 'n5' },
  { at: 1500, kind: 'restart', node: 'n5' },
  { at: 1700, kind: 'skew', node: 'n1', ms: 300 },
];

function spec(variant: string, seed: number, actions: Action[] = [], nodes = 5): RunSpec {
  return { lab: 'beacon', variant, seed, params: resolveLabParams(beaconLab, { nodes, tickMs: 40 }), actions };
}

function inProcessDigest(s: RunSpec, untilMs: number): { digest: string; events: number } {
  const digest = new TraceDigest();
  const run = createInProcessRun(beaconLab, s, { onEvent: (e) => digest.addLine(JSON.stringify(e)) });
  while (runUntil(run.sim, run.stepper, untilMs) === 'halted') run.sim.clearHalt();
  return { digest: digest.hex, events: digest.lines };
}

test.beforeEach(async ({ page }) => {
  await page.goto('/#/');
});

test('the same run gives the same trace in browser Web Workers and in-process', async ({ page }) => {
  const s = spec('hardened', 42, faults);
  await startRun(page, s);
  await call(page, 'playUntil', 2500);
  await waitPausedAt(page, 2500);
  const browser = (await call(page, 'digest')) as { digest: string; events: number; liveOnly: boolean };
  const expected = inProcessDigest(s, 2500);
  expect(browser.liveOnly).toBe(true);
  expect(expected.events).toBeGreaterThan(1000);
  expect(browser.events).toBe(expected.events);
  expect(browser.digest).toBe(expected.digest);
});

test('killing a node terminates its Web Worker and a restart brings back only persisted data', async ({ page }) => {
  await startRun(page, spec('hardened', 3, [], 3));
  await expect.poll(() => nodeWorkerCount(page)).toBe(3);
  await call(page, 'playUntil', 600);
  const before = await waitPausedAt(page, 600);
  const countBefore = (before.nodes.find((n) => n.id === 'n2')?.state as { count: number }).count;
  expect(countBefore).toBeGreaterThan(0);

  await call(page, 'act', { kind: 'crash', node: 'n2' });
  await expect.poll(() => nodeWorkerCount(page)).toBe(2);
  await expect.poll(async () => (await runState(page))?.nodes.find((n) => n.id === 'n2')?.status).toBe('down');

  await call(page, 'act', { kind: 'restart', node: 'n2' });
  await expect.poll(() => nodeWorkerCount(page)).toBe(3);
  await expect.poll(async () => (await runState(page))?.nodes.find((n) => n.id === 'n2')?.status).toBe('up');
  const n2 = (await runState(page))?.nodes.find((n) => n.id === 'n2');
  // The tick count was persisted; pongs were volatile and start again from zero.
  expect(n2?.state).toEqual({ count: countBefore, pongs: 0, value: 0 });
});

test('a node that throws is shown crashed with its error, and the run goes on', async ({ page }) => {
  await startRun(page, spec('hardened', 5, [], 3));
  await call(page, 'playUntil', 300);
  await waitPausedAt(page, 300);
  await call(page, 'act', { kind: 'command', node: 'n1', cmd: { op: 'boom' } });
  await expect.poll(async () => (await runState(page))?.nodes.find((n) => n.id === 'n1')?.status).toBe('down');
  const crashed = (await runState(page))?.nodes.find((n) => n.id === 'n1');
  expect(crashed?.error).toContain('boom');
  await expect.poll(() => nodeWorkerCount(page)).toBe(2);
  await call(page, 'playUntil', 800);
  const later = await waitPausedAt(page, 800);
  expect(later.eventCount).toBeGreaterThan(0);
  expect(later.nodes.filter((n) => n.status === 'up')).toHaveLength(2);
});
