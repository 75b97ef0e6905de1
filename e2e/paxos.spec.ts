/**
 * Paxos and Multi-Paxos in the page, as a student would use them: kill an acceptor from the
 * cluster view and see the article's proposer wait for it for good while the hardened one gets
 * its value chosen; kill the Multi-Paxos leader and see another take over and the log go on; send
 * a command to a follower and see it refused.
 */
import { expect, test, type Page } from '@playwright/test';
import { goToTime, openMoment } from './playback';

/** A node in the cluster view, by the start of its accessible name ("n5, acceptor, …"). */
function node(page: Page, id: string) {
  return page.getByRole('group', { name: 'Nodes' }).getByRole('button', { name: new RegExp(`^${id}, `) });
}

/**
 * Selects a node in the cluster view and presses one of the inspector's buttons. The node is
 * chosen from the keyboard: a click at the middle of a node with a long label can land between
 * its circle and its text.
 */
async function onNode(page: Page, id: string, button: string): Promise<void> {
  await node(page, id).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: `Node ${id}` }).getByRole('button', { name: button, exact: true }).click();
}

const paxosState = (page: Page) => page.getByRole('region', { name: 'Paxos state' });

for (const { variant, outcome } of [
  { variant: 'article', outcome: 'The value: nothing chosen yet' },
  { variant: 'hardened', outcome: 'Chosen: "A"' },
] as const) {
  test(`${variant}: n1 proposes "A" with acceptor n5 killed from the cluster view → ${outcome}`, async ({ page }) => {
    await openMoment(page, `/#/paxos?variant=${variant}&seed=1&p.autoProposeMs=0`, 0);
    // The article has no phase timeout and no backoff, so the settings do not offer them.
    const settings = page.getByRole('region', { name: 'Settings' });
    await expect(settings.getByRole('slider', { name: 'Phase timeout' })).toHaveCount(variant === 'article' ? 0 : 1);
    await expect(settings.getByRole('combobox', { name: 'Backoff', exact: true })).toHaveCount(variant === 'article' ? 0 : 1);
    await onNode(page, 'n5', 'Kill n5');
    await expect(node(page, 'n5')).toHaveAccessibleName('n5, down');
    await onNode(page, 'n1', 'Propose its value');
    await expect(page).toHaveURL(/a=0:crash:n5~0:cmd:n1,/);
    await goToTime(page, 2000);
    await expect(paxosState(page).getByRole('status')).toHaveAccessibleName(outcome);
    if (variant === 'article') {
      // Four of five acceptors are up, a majority, yet n1 is still in phase 1, waiting for n5.
      await expect(node(page, 'n1')).toHaveAccessibleName(/^n1, proposer, prepare 1\.n1/);
      const n1 = paxosState(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^n1 / }) });
      await expect(n1.getByRole('cell', { name: 'prepare, replied 3 of 4' })).toBeVisible();
      await expect(n1.getByRole('cell', { name: '4 of 3 promises' })).not.toHaveClass(/gathered-enough/);
    }
  });
}

test('the Proposers slider ends at the number of acceptors, and fewer acceptors take proposers down with them', async ({ page }) => {
  await openMoment(page, '/#/paxos?variant=hardened&seed=1', 0);
  const settings = page.getByRole('region', { name: 'Settings' });
  await settings.getByRole('slider', { name: 'Proposers' }).focus();
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/p\.proposers=5/);
  await expect(settings.getByRole('slider', { name: 'Proposers' })).toHaveAttribute('aria-valuetext', '5');
  // Every node may propose now; an idle proposer shows as one, not as a plain acceptor.
  await expect(node(page, 'n5')).toHaveAccessibleName(/^n5, proposer/);
  await settings.getByRole('slider', { name: 'Acceptors' }).focus();
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/p\.acceptors=3&p\.proposers=3/);
  await expect(page.getByRole('group', { name: 'Cluster of 3 nodes' })).toBeVisible();
  await expect(settings.getByRole('slider', { name: 'Proposers' })).toHaveAttribute('aria-valuetext', '3');
});

const LEADER = /^(n\d), leader, (\d+\.n\d) /;

/** The Multi-Paxos leader's id and ballot, read from its accessible name in the cluster view. */
async function leaderNow(page: Page): Promise<{ id: string; ballot: string }> {
  const leader = page.getByRole('group', { name: 'Nodes' }).getByRole('button', { name: LEADER });
  await expect(leader).toHaveCount(1);
  const [, id = '', ballot = ''] = LEADER.exec((await leader.getAttribute('aria-label')) ?? '') ?? [];
  return { id, ballot };
}

test('Multi-Paxos: the leader is killed, another takes over and the log goes on; a follower refuses a command', async ({ page }) => {
  await openMoment(page, '/#/multi-paxos?variant=hardened&seed=1', 0);
  await goToTime(page, 1000);
  const first = await leaderNow(page);
  await onNode(page, first.id, `Kill ${first.id}`);
  await expect(page).toHaveURL(new RegExp(`a=1000:crash:${first.id}(&|$)`));
  await goToTime(page, 2500);
  const next = await leaderNow(page);
  expect(next.id).not.toBe(first.id);
  expect(Number(next.ballot.split('.')[0])).toBeGreaterThan(Number(first.ballot.split('.')[0]));

  // The built-in client's commands at the new leader ("C12" at n3, for slot 12) are chosen in its ballot.
  const own = String.fromCharCode(64 + Number(next.id.slice(1)));
  const log = page.getByRole('table', { name: /Multi-Paxos slots/ });
  await expect(log.getByRole('cell', { name: new RegExp(`^n\\d slot \\d+ "${own}\\d+" ballot ${next.ballot.replace('.', '\\.')} chosen$`) }).first()).toBeVisible();

  const follower = ['n1', 'n2', 'n3'].find((id) => id !== first.id && id !== next.id) ?? '';
  await onNode(page, follower, 'Client command');
  await page.getByRole('button', { name: 'Step one event' }).click();
  await expect(page.getByRole('region', { name: 'Event log' })).toContainText(`fail ${follower} op1 {"notLeader":true,"leader":"${next.id}"}`);
});
