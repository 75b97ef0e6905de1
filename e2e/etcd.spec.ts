/**
 * The etcd mutex in the page: a person pauses the article's holder from the inspector for longer
 * than its lease; the lease expires on etcd's clock, the second client takes the lock with a
 * higher revision, and the paused holder's write under its older revision is rejected by the
 * storage (fencing on). The keys and leases panel shows the queue by create revision.
 */
import { expect, test } from '@playwright/test';
import { goToTime, openMoment, settle } from './playback';

test('etcd mutex: the paused holder’s lease expires, c2 takes the lock with revision 3, and c1’s stale write is rejected', async ({ page }) => {
  // The article's EtcdLock with a context long enough not to matter, fencing on.
  await openMoment(page, '/#/etcd-mutex?variant=article&seed=1&p.contextMs=10000&p.workMs=900&p.fencing=true&t=200', 200, 'stopped');
  const keys = page.getByTestId('etcd-keys');
  await expect(keys.getByRole('row', { name: 'key L/1 set by c1, create revision 2, owns the lock' })).toBeVisible();
  await expect(keys.getByRole('row', { name: 'key L/2 set by c2, create revision 3' })).toBeVisible();

  await page.locator('.cluster-panel [data-node="c1"]').click();
  await page.getByRole('spinbutton', { name: 'Pause c1 for how many ms' }).fill('1500');
  await page.getByRole('button', { name: 'Pause c1' }).click();
  await expect(page).toHaveURL(/a=200(%3A|:)pause(%3A|:)c1(%2C|,)1500(&|$)/);
  // Past c1's stale write at 1 709 ms.
  await goToTime(page, 1800, 'stopped');

  const timeline = page.getByTestId('lock-timeline');
  const writes = timeline.getByRole('list', { name: 'Writes at the storage' });
  await expect(writes.getByRole('listitem', { name: 'write by c1 with token 2 at 1709 ms, rejected' })).toHaveCount(1);
  const spells = timeline.getByRole('list', { name: 'Who waits for and holds the lock' });
  await expect(spells.getByRole('listitem', { name: /^c1 believes it holds the lock, but the lock is gone, token 2, 1010–/ })).toHaveCount(1);
  await expect(spells.getByRole('listitem', { name: /^c2 holds the lock, token 3, 1047–/ })).toHaveCount(1);
  await expect(writes.getByRole('listitem', { name: /interleaved/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Invariants' }).getByRole('listitem', { name: /: violated$/ })).toHaveCount(0);
});

test('etcd mutex: the keys and leases panel at the restart scenario, after etcd came back', async ({ page }) => {
  await page.goto('/#/etcd-mutex?variant=hardened&seed=1&p.workMs=1200&p.writes=4&a=300:crash:etcd~600:restart:etcd&t=700');
  await settle(page, 700, 'stopped');
  const keys = page.getByTestId('etcd-keys');
  await expect(keys.getByLabel('etcd revision 3')).toBeVisible();
  await expect(keys.getByRole('row', { name: 'key L/1 set by c1, create revision 2, owns the lock' })).toBeVisible();
  await expect(keys.getByRole('cell', { name: /^lease 1 time to live: \d+ of 1000 ms left$/ })).toBeVisible();
  await expect(keys).toHaveScreenshot('etcd-restart-keys.png');
});
