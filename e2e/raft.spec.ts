/**
 * Raft in the page, as a student would use it: isolate the leader and watch its command stay
 * uncommitted while the majority commits.
 */
import { expect, test, type Page } from '@playwright/test';

async function pausedAt(page: Page, time: string): Promise<void> {
  await expect(page.getByTestId('status-time')).toHaveText(time);
  await expect(page.getByTestId('status-state')).toHaveText('paused');
}

test('an isolated leader cannot commit what it is sent, while the majority side commits', async ({ page }) => {
  const put = (value: string) => encodeURIComponent(encodeURIComponent(JSON.stringify({ op: 'put', key: 'x', value })));
  // At seed 3 n4 leads term 1; it is cut off at 500 ms and gets a put at 520 ms.
  await page.goto(`/#/raft?variant=hardened&seed=3&t=3000&p.clientIntervalMs=0&a=500:isolate:n4~520:cmd:n4,${put('lost')}~1500:cmd:n1,${put('kept')}`);
  await pausedAt(page, 't = 3 000.0 ms');
  const view = page.getByRole('table', { name: /Raft logs/ });
  // n4's entry at index 2 never reaches a majority, so it never commits.
  await expect(view.getByRole('cell', { name: 'n4 index 2 term 1 not committed not on a majority' })).toBeVisible();
  // The majority elected a leader of a later term and committed entries at index 2 and after.
  const majorityLeader = await page.getByRole('button', { name: /^n[1235], leader, term [2-9]/ }).count();
  expect(majorityLeader).toBe(1);
  await expect(view.getByRole('cell', { name: /^n1 index 2 term [2-9] committed/ })).toBeVisible();
});
