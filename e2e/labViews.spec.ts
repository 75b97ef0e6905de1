/**
 * The per-lab views: Raft's log view, the Paxos state table and the Multi-Paxos slot log, each at
 * a fixed seed and virtual time (paused there), by accessible names and by screenshot. Update the
 * baselines with `npx playwright test e2e/labViews.spec.ts --update-snapshots`.
 */
import { expect, test } from '@playwright/test';
import { settle } from './playback';

const RAFT = '/#/raft?seed=7&t=3000';
const propose = (at: number, node: string, value: string) => `${at}:cmd:${node},${encodeURIComponent(encodeURIComponent(JSON.stringify({ op: 'propose', value })))}`;
const PAXOS = `/#/paxos?variant=hardened&seed=1&t=400&p.autoProposeMs=0&a=${propose(100, 'n1', 'A')}&s=value-chosen`;
const MULTI_ACTIONS = [
  `50:cmd:n1,${encodeURIComponent(encodeURIComponent(JSON.stringify({ op: 'timeout' })))}`,
  propose(200, 'n1', 'x'),
  propose(300, 'n1', 'y'),
  propose(400, 'n1', 'z'),
  '402:crash:n1',
  propose(1000, 'n3', 'w'),
  '1200:restart:n1',
].join('~');
const MULTI = `/#/multi-paxos?variant=hardened&seed=1&t=1600&p.clientIntervalMs=0&a=${MULTI_ACTIONS}&s=leader-change`;

test('the Raft log view shows the leader row and committed entries', async ({ page }) => {
  await page.goto(RAFT);
  await settle(page, 3000);
  const view = page.getByRole('table', { name: /Raft logs/ });
  await expect(view.getByRole('rowheader', { name: /^n\d+, leader, term \d+/ })).toHaveCount(1);
  await expect(view.getByRole('cell', { name: /^n\d+ index \d+ term \d+ committed/ }).first()).toBeVisible();
  await expect(view.getByRole('cell', { name: /^n2 index 13 term 1 committed/ })).toBeVisible();
  await expect(page.getByTestId('raft-log')).toHaveScreenshot('raft-log.png');
});

test('the Raft log view marks an isolated leader\'s entry that no majority holds', async ({ page }) => {
  const put = (value: string) => encodeURIComponent(encodeURIComponent(JSON.stringify({ op: 'put', key: 'x', value })));
  await page.goto(`/#/raft?variant=hardened&seed=3&t=1200&p.clientIntervalMs=0&a=500:isolate:n4~520:cmd:n4,${put('lost')}~1000:cmd:n1,${put('kept')}~1300:healall&s=leader-isolated`);
  await settle(page, 1200);
  const view = page.getByRole('table', { name: /Raft logs/ });
  await expect(view.getByRole('cell', { name: 'n4 index 2 term 1 not committed not on a majority' })).toBeVisible();
  await expect(page.getByTestId('raft-log')).toHaveScreenshot('raft-log-leader-isolated.png');
});

test('the Paxos state view shows the chosen value', async ({ page }) => {
  await page.goto(PAXOS);
  await settle(page, 400);
  const panel = page.getByTestId('paxos-state');
  await expect(panel.getByRole('status', { name: 'Chosen: "A"' })).toBeVisible();
  await expect(panel.getByRole('cell', { name: '3 of 3 promises' })).toBeVisible();
  await expect(panel).toHaveScreenshot('paxos-state.png');
});

test('the Multi-Paxos slot log shows the slots chosen on every node', async ({ page }) => {
  await page.goto(MULTI);
  await settle(page, 1600);
  const view = page.getByRole('table', { name: /Multi-Paxos slots/ });
  await expect(view.getByRole('rowheader', { name: /^n3, leader/ })).toBeVisible();
  await expect(view.getByRole('cell', { name: /^n2 slot 0 "x" ballot [\d.n]+ chosen$/ })).toBeVisible();
  await expect(page.getByTestId('slot-log')).toHaveScreenshot('slot-log.png');
});

test('Raft nodes in the cluster carry their election timer and a candidate its votes', async ({ page }) => {
  await page.goto('/#/raft?variant=hardened&seed=6&t=190&p.electionTimeoutMsMax=165&p.clientIntervalMs=0&s=split-vote');
  await settle(page, 190);
  const cluster = page.locator('.cluster-panel');
  await expect(cluster.locator('[data-node="n3"]')).toContainText('votes 2/3');
  await expect(cluster.locator('.node-timer-arc')).toHaveCount(5);
  await expect(cluster).toHaveScreenshot('raft-cluster-split-vote.png');
});
