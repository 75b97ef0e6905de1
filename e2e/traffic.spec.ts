/**
 * The traffic-control labs in the page: switch the backend to an outage and watch the breaker
 * open, go half-open and close again once the backend is back; each traffic view at a fixed
 * scenario, seed and virtual time, by accessible names and by screenshot. (Every scenario's
 * walk, step by step, is in scenarios.spec.ts, with the other labs'.) Update the baselines with `npx playwright test e2e/traffic.spec.ts --update-snapshots`.
 */
import { expect, test, type Page } from '@playwright/test';
import { circuitBreakerLab } from '../src/labs/circuit-breaker/lab';
import { degradationLab } from '../src/labs/degradation/lab';
import { slidingWindowLab } from '../src/labs/sliding-window/lab';
import { tokenBucketLab } from '../src/labs/token-bucket/lab';
import { workerPoolLab } from '../src/labs/worker-pool/lab';
import { goToTime, openMoment, scenarioUrl, settle } from './playback';

async function backendCommand(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: /^backend, / }).click();
  await page.getByRole('button', { name: label }).click();
}

test('an outage opens the breaker; it probes half-open and closes once the backend is back', async ({ page }) => {
  await openMoment(page, '/#/circuit-breaker?variant=hardened&seed=1&t=300', 300);
  const panel = page.getByTestId('breaker-chart');
  const state = panel.getByTestId('breaker-state');
  await expect(state).toHaveText('closed');
  await expect(panel.getByRole('img', { name: 'Breaker statechart (hardened), now closed' })).toBeVisible();

  // Each node offers the commands it takes: a client sends requests; only the backend fails.
  await page.getByRole('button', { name: /^c1, / }).click();
  await expect(page.getByRole('button', { name: 'Client: burst of 50' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Backend: outage on' })).toHaveCount(0);
  await backendCommand(page, 'Backend: outage on');
  await expect(page.getByRole('button', { name: 'Client: burst of 50' })).toHaveCount(0);
  await expect(page).toHaveURL(/a=300(%3A|:)cmd(%3A|:)backend(%2C|,)[^~&]*outage[^~&]*true/);

  // At seed 1 the failed calls have opened the breaker by 450 ms; it waits before it probes.
  await goToTime(page, 600);
  await expect(state).toHaveText('open');
  await expect(panel.getByTestId('breaker-half-open-in')).toBeVisible();

  await backendCommand(page, 'Backend: outage off');
  await expect(page).toHaveURL(/~600(%3A|:)cmd(%3A|:)backend(%2C|,)[^~&]*outage[^~&]*false/);
  // Its wait ends at about 1 412 ms: it lets a probe through, half-open; the probe succeeds
  // against the backend that is back, and the breaker closes.
  await goToTime(page, 1500);
  await expect(state).toHaveText('half-open');
  await goToTime(page, 1600);
  await expect(state).toHaveText('closed');
});

/** The backend's calls so far, read from its node in the cluster ("backend, failing, 100% errors · 27 ok · 12 failed"). */
async function backendCalls(page: Page): Promise<{ ok: number; failed: number }> {
  const name = (await page.getByRole('button', { name: /^backend, / }).getAttribute('aria-label')) ?? '';
  return { ok: Number(/(\d+) ok/.exec(name)?.[1] ?? NaN), failed: Number(/(\d+) failed/.exec(name)?.[1] ?? NaN) };
}

test('the backend\'s error rate set live to 100% from its inspector: from then on every call fails', async ({ page }) => {
  await openMoment(page, '/#/token-bucket?variant=hardened&seed=1&t=1000', 1000);
  // Chosen by keyboard: here the middle of the node's box, label included, is off its circle.
  await page.getByRole('button', { name: /^backend, / }).press('Enter');
  const commands = page.getByRole('group', { name: 'Commands for backend' });
  const rate = commands.getByLabel('Error rate');
  const set = commands.getByRole('button', { name: 'Backend: set error rate' });
  await rate.fill('150');
  await expect(commands.getByRole('alert')).toHaveText('Error rate takes a number from 0 to 100 %');
  await expect(set).toBeDisabled();
  await rate.fill('100');
  await set.click();
  // The action is in the link, like every other, so the link replays it.
  await expect(page).toHaveURL(/a=1000(%3A|:)cmd(%3A|:)backend(%2C|,).*percent.*100/);
  await expect(page.getByRole('button', { name: /^backend, failing, 100% errors/ })).toBeVisible();
  const before = await backendCalls(page);
  // A second later every call since has failed (at seed 1, two dozen) and none succeeded.
  await goToTime(page, 2000);
  await expect(page.getByRole('button', { name: /^backend, failing, 100% errors/ })).toBeVisible();
  const after = await backendCalls(page);
  expect(after.failed).toBeGreaterThan(before.failed + 10);
  expect(after.ok).toBe(before.ok);
});

test('a traffic lab\'s settings offer no majority split or bridge, only healing the links', async ({ page }) => {
  await openMoment(page, '/#/circuit-breaker?variant=hardened&seed=1&t=300', 300);
  const settings = page.getByRole('region', { name: 'Settings' });
  await expect(settings.getByRole('button', { name: 'Heal all links' })).toBeVisible();
  await expect(settings.getByRole('button', { name: 'Split majority from minority' })).toHaveCount(0);
  await expect(settings.getByRole('button', { name: /^Bridge through/ })).toHaveCount(0);
});

test('the breaker statechart while open: state lit, counters and the time to half-open', async ({ page }) => {
  await page.goto(scenarioUrl(circuitBreakerLab, 'trips-and-recovers', 1500));
  await settle(page, 1500);
  const panel = page.getByTestId('breaker-chart');
  await expect(panel.getByRole('img', { name: 'Breaker statechart (hardened), now open' })).toBeVisible();
  await expect(panel.getByTestId('breaker-generation')).toHaveText('1');
  await expect(panel.getByTestId('breaker-half-open-in')).toHaveText(/^\d+ ms$/);
  await expect(panel).toHaveScreenshot('breaker-chart-open.png');
});

test('the token bucket\'s decisions: the article\'s measured rate below the configured one', async ({ page }) => {
  await page.goto(scenarioUrl(tokenBucketLab, 'fractional-loss', 8000));
  await settle(page, 8000);
  const panel = page.getByTestId('traffic-decisions');
  await expect(panel.getByTestId('rate-bucket')).toHaveText(/^7\.\d\/s let through · configured 10\/s$/);
  await expect(panel).toHaveScreenshot('token-bucket-decisions.png');
});

test('the window contents across the fixed window\'s boundary: ten on each side, while the log holds ten in the last second', async ({ page }) => {
  await page.goto(scenarioUrl(slidingWindowLab, 'boundary-burst', 1106));
  await settle(page, 1106);
  const panel = page.getByTestId('window-contents');
  await expect(panel.getByRole('figure', { name: /^log, sliding log: all requests: 10 of 10 in the last 1 000 ms; 1 key held/ })).toBeVisible();
  await expect(panel.getByTestId('window-fixed')).toHaveText('all requests: 10 of 10 in the window from 1 000 ms');
  await expect(panel.getByTestId('window-counter')).toHaveText(/^all requests: estimate 10 × 0\.89\d \+ 1 = 9\.9\d of 10$/);
  await expect(panel).toHaveScreenshot('window-contents-boundary.png');
});

test('degradation gauges: the average latency past its threshold under a slow backend', async ({ page }) => {
  await page.goto(scenarioUrl(degradationLab, 'slow-backend', 5000));
  await settle(page, 5000);
  const panel = page.getByTestId('degradation-gauges');
  await expect(panel.getByRole('status', { name: 'degrader degraded: falling back' })).toBeVisible();
  await expect(panel.getByRole('img', { name: /^average latency: \d+ ms \(above 2000 ms degrades\)$/ })).toBeVisible();
  await expect(panel).toHaveScreenshot('degradation-gauges.png');
});

test('the worker pool right after Stop: ten busy lanes and a queue of 40', async ({ page }) => {
  await page.goto(scenarioUrl(workerPoolLab, 'stop-drains-queue', 125));
  await settle(page, 125);
  const panel = page.getByTestId('pool-lanes');
  await expect(panel.getByRole('status', { name: 'pool stopping, 40 queued' })).toBeVisible();
  await expect(panel.getByRole('img', { name: '10 worker lanes, 10 busy' })).toBeVisible();
  await expect(panel).toHaveScreenshot('pool-lanes.png');
});
