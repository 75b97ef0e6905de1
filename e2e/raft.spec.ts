/**
 * Raft in the page, as a student would use it: kill the leader and watch another take over;
 * isolate the leader and watch its command stay uncommitted while the majority commits.
 */
import { expect, test, type Page } from '@playwright/test';
import { goToTime, openMoment, pausedAt } from './playback';

const LEADER = /^(n\d), leader, term (\d+)/;

/** The leader's id and term, read from its accessible name in the cluster view, if there is one now. */
async function leaderNow(page: Page): Promise<{ id: string; term: number } | null> {
  const buttons = page.getByRole('button', { name: LEADER });
  if ((await buttons.count()) === 0) return null;
  const [, id = '', term = '0'] = LEADER.exec((await buttons.first().getAttribute('aria-label').catch(() => null)) ?? '') ?? [];
  return id === '' ? null : { id, term: Number(term) };
}

test('killing the leader in the page makes another node leader, in a later term', async ({ page }) => {
  await openMoment(page, '/#/raft?variant=hardened&seed=7&t=2000', 2000);
  await expect(page.getByRole('button', { name: LEADER })).toHaveCount(1);
  const before = await leaderNow(page);
  if (before === null) throw new Error('no leader at 2 s');

  await page.getByRole('button', { name: LEADER }).first().click();
  await page.getByRole('button', { name: `Kill ${before.id}` }).click();
  await expect(page.getByRole('button', { name: `${before.id}, down`, exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`a=2000:crash:${before.id}(&|$)`));

  // A second later (at seed 7 another node leads from about 2.2 s on).
  await goToTime(page, 3000);
  await expect(page.getByRole('button', { name: LEADER })).toHaveCount(1);
  const after = await leaderNow(page);
  expect(after?.id).not.toBe(before.id);
  expect(after?.term).toBeGreaterThan(before.term);
  await expect(page.getByRole('button', { name: `${before.id}, down`, exact: true })).toBeVisible();
});

test('the "isolate the leader" preset cuts the leader off from every other node', async ({ page }) => {
  await openMoment(page, '/#/raft?variant=hardened&seed=7&t=2000', 2000);
  const leader = await leaderNow(page);
  if (leader === null) throw new Error('no leader at 2 s');
  await page.getByRole('button', { name: `Isolate the leader (${leader.id})` }).click();
  const links = page.locator(`[data-link*="${leader.id}"]`);
  await expect(links).toHaveCount(4);
  for (const link of await links.all()) await expect(link).toHaveAttribute('data-state', 'cut');
  await expect(page.locator('[data-state="cut"]')).toHaveCount(4);
});

test('the bridge preset cuts the two halves apart and leaves the middle node linked to all', async ({ page }) => {
  await openMoment(page, '/#/raft?variant=hardened&seed=7&t=1000', 1000);
  await page.getByRole('button', { name: 'Bridge through n3' }).click();
  await expect(page.locator('[data-state="cut"]')).toHaveCount(4);
  for (const [a, b] of [['n1', 'n4'], ['n1', 'n5'], ['n2', 'n4'], ['n2', 'n5']]) await expect(page.getByRole('button', { name: `link ${a}–${b}, cut` })).toBeVisible();
  for (const link of await page.locator('[data-link*="n3"]').all()) await expect(link).not.toHaveAttribute('data-state', 'cut');
  await expect(page).toHaveURL(/a=1000:bridge:n3/);
});

test('with four nodes the split preset leaves three together, a majority, and one alone', async ({ page }) => {
  await openMoment(page, '/#/raft?variant=hardened&seed=7&t=1000&p.nodes=4', 1000);
  await page.getByRole('button', { name: 'Split majority from minority' }).click();
  await expect(page.locator('[data-state="cut"]')).toHaveCount(3);
  for (const link of await page.locator('[data-link*="n4"]').all()) await expect(link).toHaveAttribute('data-state', 'cut');
});

test('an isolated leader cannot commit what it is sent, while the majority side commits', async ({ page }) => {
  const put = (value: string) => encodeURIComponent(encodeURIComponent(JSON.stringify({ op: 'put', key: 'x', value })));
  // At seed 3 n4 leads term 1; it is cut off at 500 ms and gets a put at 520 ms.
  await openMoment(page, `/#/raft?variant=hardened&seed=3&t=3000&p.clientIntervalMs=0&a=500:isolate:n4~520:cmd:n4,${put('lost')}~1500:cmd:n1,${put('kept')}`, 3000);
  const view = page.getByRole('table', { name: /Raft logs/ });
  // n4's entry at index 2 never reaches a majority, so it never commits.
  await expect(view.getByRole('cell', { name: 'n4 index 2 term 1 not committed not on a majority' })).toBeVisible();
  // The majority elected a leader of a later term and committed entries at index 2 and after.
  const majorityLeader = await page.getByRole('button', { name: /^n[1235], leader, term [2-9]/ }).count();
  expect(majorityLeader).toBe(1);
  await expect(view.getByRole('cell', { name: /^n1 index 2 term [2-9] committed/ })).toBeVisible();
});

test('a short scenario link opens the scenario with its story; an unknown scenario is named', async ({ page }) => {
  await page.goto('/#/raft?s=stale-votes');
  const story = page.getByRole('region', { name: 'Scenario: Stale votes: two leaders in one term (article)' });
  await expect(story).toBeVisible();
  await pausedAt(page, 't = 0.0 ms');
  await expect(page).toHaveURL(/variant=article&seed=1&.*p\.rpcTimeoutMs=400.*&s=stale-votes$/);
  await expect(page.getByRole('alert', { name: 'Errors' })).toHaveCount(0);
  await story.getByRole('button', { name: 'Next step' }).click();
  await expect(story).toContainText('n1 loses its links to n4 and n5.');
  await expect(page.locator('[data-link="n1-n4"]')).toHaveAttribute('data-state', 'cut');

  await page.goto('/#/raft?s=no-such-story');
  await expect(page.getByRole('alert', { name: 'Errors' })).toContainText('There is no scenario "no-such-story" in raft');
  await expect(page.getByRole('region', { name: /^Scenario: / })).toHaveCount(0);
});
