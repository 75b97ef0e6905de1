/**
 * The lock labs' views in the page: the lock timeline (who waits, holds, or believes it holds a
 * lock that is gone; the storage's writes; violations where they happen) and the Redis servers'
 * keys with their time to live, at fixed scenario moments, by accessible name and screenshot.
 * Update the baselines with `npx playwright test e2e/locks.spec.ts --update-snapshots`.
 */
import { expect, test } from '@playwright/test';
import { redisLockLab } from '../src/labs/redis-lock/lab';
import { redlockLab } from '../src/labs/redlock/lab';
import { goToTime, openMoment, scenarioUrl, settle } from './playback';

test('a GC pause longer than the TTL: c1 believes it holds a lock that expired, and its write lands inside c2’s work', async ({ page }) => {
  await page.goto(scenarioUrl(redisLockLab, 'gc-pause-two-writers', 2100));
  await settle(page, 2100, 'stopped');
  const timeline = page.getByTestId('lock-timeline');
  const spells = timeline.getByRole('list', { name: 'Who waits for and holds the lock' });
  await expect(spells.getByRole('listitem', { name: /^c1 believes it holds the lock, but the lock is gone, token 1, 1014–/ })).toHaveCount(1);
  await expect(spells.getByRole('listitem', { name: /^c2 holds the lock, token 2, 1127–/ })).toHaveCount(1);
  const writes = timeline.getByRole('list', { name: 'Writes at the storage' });
  await expect(writes.getByRole('listitem', { name: 'write by c1 with token 1 at 1914 ms, accepted, interleaved with another holder' })).toHaveCount(1);
  await expect(timeline.getByRole('list', { name: 'Violations on the timeline' }).getByRole('listitem').filter({ hasText: /mutual-exclusion at 1914 ms: c1 wrote \(token 1\) after c2/ })).toHaveCount(1);
  await expect(timeline).toHaveScreenshot('gc-pause-timeline.png');
});

test('the same pause with fencing: the storage rejects c1’s stale writes and nothing interleaves', async ({ page }) => {
  await page.goto(scenarioUrl(redisLockLab, 'gc-pause-fencing', 2300));
  await settle(page, 2300, 'stopped');
  const writes = page.getByTestId('lock-timeline').getByRole('list', { name: 'Writes at the storage' });
  await expect(writes.getByRole('listitem', { name: /^write by c1 with token 1 at \d+ ms, rejected$/ })).toHaveCount(2);
  await expect(writes.getByRole('listitem', { name: /interleaved/ })).toHaveCount(0);
  await expect(page.getByTestId('lock-timeline')).toHaveScreenshot('gc-pause-fencing-timeline.png');
});

test('the article’s second Unlock: the panic is marked on c1’s lane and named on the node', async ({ page }) => {
  await page.goto(scenarioUrl(redisLockLab, 'article-second-unlock', 600));
  await settle(page, 600, 'stopped');
  const timeline = page.getByTestId('lock-timeline');
  await expect(timeline.getByRole('list', { name: 'Panics' }).getByRole('listitem', { name: 'c1 panics at 500 ms: close of closed channel: Unlock called twice' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^c1, idle, panicked: Unlock twice/ })).toBeVisible();
  await expect(timeline).toHaveScreenshot('second-unlock-timeline.png');
});

test('RedLock clock jump: r3 keeps c2’s key by its own fast clock while r1 and r2 keep c1’s', async ({ page }) => {
  await page.goto(scenarioUrl(redlockLab, 'clock-jump', 300));
  await settle(page, 300, 'stopped');
  const keys = page.getByTestId('redis-keys');
  for (const r of ['r1', 'r2']) await expect(keys.getByRole('cell', { name: `${r}: key set by c1` })).toBeVisible();
  for (const r of ['r3', 'r4', 'r5']) await expect(keys.getByRole('cell', { name: `${r}: key set by c2` })).toBeVisible();
  await expect(keys.getByRole('cell', { name: /^r3 time to live: \d+ ms left$/ })).toBeVisible();
  const spells = page.getByTestId('lock-timeline').getByRole('list', { name: 'Who waits for and holds the lock' });
  await expect(spells.getByRole('listitem', { name: /^c1 believes it holds the lock, but the lock is gone, token 1/ })).toHaveCount(1);
  await expect(spells.getByRole('listitem', { name: /^c2 holds the lock, token 2/ })).toHaveCount(1);
  await expect(keys).toHaveScreenshot('redlock-clock-jump-keys.png');
});

test('a person takes the lock on c1 from the inspector and sees it held', async ({ page }) => {
  // Paused, not just 'not loading': before the first load the controller is idle and takes no
  // action, so an Acquire clicked then would be lost.
  await openMoment(page, '/#/redis-lock?variant=hardened&seed=1&p.autoStart=false', 0);
  await page.locator('.cluster-panel [data-node="c1"]').click();
  await page.getByRole('button', { name: 'Acquire the lock' }).click();
  await expect(page).toHaveURL(/a=0(%3A|:)cmd(%3A|:)c1(%2C|,)[^~&]*acquire/);
  // At seed 1 c1 holds the lock from 22 ms to 342 ms.
  await goToTime(page, 200);
  const keys = page.getByTestId('redis-keys');
  await expect(keys.getByRole('cell', { name: 'r1: key set by c1' })).toBeVisible();
  await expect(page.getByTestId('lock-timeline').getByRole('listitem', { name: /^c1 holds the lock, token 1/ })).toHaveCount(1);
});

test('a person slows the link between c1 and the storage from the inspector; the run records the delay', async ({ page }) => {
  await page.goto('/#/redis-lock?variant=hardened&seed=1&t=100');
  await settle(page, 100, 'stopped');
  await page.getByRole('button', { name: 'link c1–storage, up' }).click();
  await page.getByRole('group', { name: 'Link delay' }).getByRole('button', { name: 'Delay 500 ms' }).click();
  await expect(page).toHaveURL(/a=100(%3A|:)delay(%3A|:)c1(%2C|,)storage(%2C|,)500/);
  await expect(page.getByRole('region', { name: 'Event log' })).toContainText('delayMs');
});

test('a person jumps one Redis server’s clock from the inspector: its key lapses by its own clock', async ({ page }) => {
  await page.goto(scenarioUrl(redlockLab, 'one-server-down', 200));
  await settle(page, 200, 'stopped');
  const keys = page.getByTestId('redis-keys');
  await expect(keys.getByRole('cell', { name: /^r2 time to live: \d+ ms left$/ })).toBeVisible();
  await page.getByRole('button', { name: /^r2, locked/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: "r2's clock" }).getByRole('button', { name: 'Clock +1 s' }).click();
  await expect(page).toHaveURL(/skew(%3A|:)r2(%2C|,)1000/);
  await expect(keys.getByRole('cell', { name: 'r2 time to live: expired' })).toBeVisible();
  await expect(keys.getByRole('cell', { name: /^r1 time to live: \d+ ms left$/ })).toBeVisible();
});
