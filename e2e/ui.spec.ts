/**
 * The shell and the shared views, driven as a person would: through roles and accessible names,
 * against the real runtime (scheduler worker + one Web Worker per node) of the e2e build.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { SLIDER_COMMIT_MS } from '../src/views/params/ParamControl';
import { openMoment as openMomentAt, runReports, statusTime, timeShown, waitStopped, watchRunReports } from './playback';

const MOMENT = '/#/beacon?variant=hardened&seed=7&t=1234.5';

async function eventsShown(page: Page): Promise<number> {
  const text = (await page.getByTestId('status-events').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

/** The beacon run most tests start from, paused at 1 234.5 ms. */
const openMoment = (page: Page) => openMomentAt(page, MOMENT, 1234.5);

test('the landing page says what distlab is and lists the beacon lab with its scenarios', async ({ page }) => {
  await page.goto('/#/');
  await expect(page.getByRole('heading', { name: 'distlab', level: 1 })).toBeVisible();
  await expect(page.getByText(/lab in the browser for distributed-systems mechanisms/)).toBeVisible();
  const lab = page.getByRole('link', { name: 'Beacon (test fixture)' });
  await expect(lab).toHaveAttribute('href', '#/beacon');
  await expect(page.getByText('Nodes tick, count and ping each other')).toBeVisible();
  // Labs come in the article's three areas; the fixture lab, in none, comes last.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Consensus', 'Distributed locks', 'Traffic control', 'More']);
  await expect(page.getByRole('region', { name: 'Consensus' }).getByRole('heading', { level: 3 })).toHaveText(['Raft', 'Paxos', 'Multi-Paxos']);
  await expect(page.getByRole('region', { name: 'More' }).getByRole('link', { name: 'Beacon (test fixture)' })).toBeVisible();
  await page.getByRole('link', { name: 'A restart forgets the count' }).click();
  await expect(page).toHaveURL(/#\/beacon\?variant=article&seed=7&a=400:crash:n1~600:restart:n1/);
  await expect(page.getByRole('heading', { name: 'Beacon (test fixture)', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/&s=restart-forgets$/);
});

test('a scenario tells its story step by step', async ({ page }) => {
  await page.goto('/#/');
  await page.getByRole('link', { name: 'A restart forgets the count' }).click();
  const story = page.getByRole('region', { name: 'Scenario: A restart forgets the count' });
  await expect(story).toContainText('Three nodes tick and ping each other.');
  await story.getByRole('button', { name: 'Next step' }).click();
  await expect(statusTime(page)).toHaveText('t = 400.0 ms');
  await expect(story).toContainText('n1 crashes: its memory is gone.');
  await expect(story).toContainText('step 2 of 3');
  await story.getByRole('button', { name: 'Previous step' }).click();
  await expect(statusTime(page)).toHaveText('t = 0.0 ms');
  // Another seed is another story: the narration goes away.
  await page.getByRole('textbox', { name: 'Seed' }).fill('8');
  await page.getByRole('textbox', { name: 'Seed' }).press('Enter');
  await expect(story).toHaveCount(0);
  await expect(page).not.toHaveURL(/s=restart-forgets/);
});

test('play runs the clock, pause stops it; space toggles too', async ({ page }) => {
  await watchRunReports(page);
  await page.goto('/#/');
  await page.getByRole('link', { name: 'Beacon (test fixture)' }).click();
  await expect(statusTime(page)).toHaveText('t = 0.0 ms');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('status-state')).toHaveText('playing');
  await expect.poll(() => timeShown(page)).toBeGreaterThan(200);
  await page.getByRole('button', { name: 'Pause' }).click();
  // A frame the scheduler sent before it took the pause may still be drawn; then the run reports
  // that it stopped, and the clock stays at that report's time.
  const paused = await waitStopped(page);
  expect(paused).toBeGreaterThan(200);

  // Space on the page (not on a button, which Space would press) plays and pauses.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(page.getByTestId('status-state')).toHaveText('playing');
  await expect.poll(() => timeShown(page)).toBeGreaterThan(paused);
  await page.keyboard.press('Space');
  expect(await waitStopped(page)).toBeGreaterThan(paused);
});

test('step processes one item: the count and the log move on, and the run stays paused', async ({ page }) => {
  await openMoment(page);
  const before = await eventsShown(page);
  const lastLine = page.getByRole('list', { name: 'Recent events, newest last' }).locator('li').last();
  const lineBefore = await lastLine.textContent();
  await page.getByRole('button', { name: 'Step one event' }).click();
  await expect.poll(() => eventsShown(page)).toBeGreaterThan(before);
  const after = await eventsShown(page);
  // One item (a delivery, a timer) writes a handful of events, never a stretch of the run.
  expect(after - before).toBeLessThanOrEqual(6);
  expect(await timeShown(page)).toBeGreaterThanOrEqual(1234.5);
  await expect(lastLine).not.toHaveText(lineBefore ?? '');
  await expect(page.getByTestId('status-state')).toHaveText('paused');
  // → steps too, even with the focus still on the Step button.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => eventsShown(page)).toBeGreaterThan(after);
});

test('kill a node from the cluster view, then restart it', async ({ page }) => {
  await openMoment(page);
  await page.getByRole('button', { name: /^n1, ticking, count \d+$/ }).click();
  await expect(page.getByRole('heading', { name: 'Node n1' })).toBeVisible();
  await page.getByRole('button', { name: 'Kill n1' }).click();
  await expect(page.getByRole('button', { name: 'n1, down', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/a=1234\.5:crash:n1/);
  await page.getByRole('button', { name: 'Restart n1' }).click();
  await expect(page.getByRole('button', { name: /^n1, ticking/ })).toBeVisible();
  await expect(page).toHaveURL(/1234\.5:crash:n1~1234\.5:restart:n1/);
});

test('the keyboard reaches a node and its actions', async ({ page }) => {
  await openMoment(page);
  await page.getByRole('button', { name: /^n2, ticking/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Node n2' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Kill n2' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'n2, down', exact: true })).toBeVisible();
});

test('cut a link: it is drawn cut, and heal brings it back', async ({ page }) => {
  await openMoment(page);
  await page.getByRole('button', { name: 'link n1–n2, up' }).click();
  await page.getByRole('button', { name: 'Cut both ways' }).click();
  const link = page.locator('[data-link="n1-n2"]');
  await expect(link).toHaveAttribute('data-state', 'cut');
  await expect(page.getByRole('button', { name: 'link n1–n2, cut' })).toBeVisible();
  await expect(link.locator('.link-cross')).toBeVisible();
  await expect(link.locator('.link-cut')).toHaveCount(2);
  await page.getByRole('button', { name: 'Heal link' }).click();
  await expect(link).toHaveAttribute('data-state', 'up');

  await page.getByRole('button', { name: 'link n2–n3, up' }).click();
  await page.getByRole('button', { name: 'Cut n3→n2 only' }).click();
  await expect(page.getByRole('button', { name: 'link n2–n3, cut n3→n2 only' })).toBeVisible();
});

test('a bad URL names what is wrong and still shows a run', async ({ page }) => {
  await page.goto('/#/beacon?seed=abc&variant=zzz&p.nodes=40&a=5:explode:n1');
  const errors = page.getByRole('alert', { name: 'Errors' });
  await expect(errors).toContainText('The seed "abc" is not a whole number');
  await expect(errors).toContainText('The variant "zzz" is not one of beacon');
  await expect(errors).toContainText('p.nodes');
  await expect(errors).toContainText('unknown action "explode"');
  await expect(page.getByRole('button', { name: /^n3, / })).toBeVisible();
  await expect(page).toHaveURL(/#\/beacon\?variant=hardened&seed=1$/);

  await page.goto('/#/no-such-lab?seed=1');
  await expect(page.getByRole('alert', { name: 'Errors' })).toContainText('There is no lab called "no-such-lab"');
  await expect(page.getByRole('link', { name: 'Beacon (test fixture)' })).toBeVisible();
});

test('opening a file that is not a trace shows an error and keeps the run', async ({ page }) => {
  await openMoment(page);
  const events = await eventsShown(page);
  await page.getByTestId('trace-file-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello, this is not a trace\n') });
  await expect(page.getByRole('alert', { name: 'Errors' })).toContainText('"notes.txt" cannot be opened');
  await expect(page.getByRole('alert', { name: 'Errors' })).toContainText('The current run is unchanged');
  await expect(statusTime(page)).toHaveText('t = 1 234.5 ms');
  expect(await eventsShown(page)).toBe(events);
});

test('save a picture of the page: a PNG named after the lab, the seed and the moment', async ({ page }) => {
  await openMoment(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save picture' }).click()]);
  expect(download.suggestedFilename()).toBe('distlab-beacon-7-at-1234.5ms.png');
  const png = await readFile((await download.path()) as string);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  // Twice the size of the lab's panels on screen (to a pixel or two of rounding), for slides.
  const box = await page.locator('.lab-grid').boundingBox();
  expect(Math.abs(png.readUInt32BE(16) - (box?.width ?? 0) * 2)).toBeLessThanOrEqual(2);
  expect(Math.abs(png.readUInt32BE(20) - (box?.height ?? 0) * 2)).toBeLessThanOrEqual(2);
  await expect(page.getByRole('alert', { name: 'Errors' })).toHaveCount(0);
});

test('export the trace and open it again: the same moment comes back', async ({ page }) => {
  await openMoment(page);
  await page.getByRole('button', { name: /^n3, / }).click();
  await page.getByRole('button', { name: 'Kill n3' }).click();
  await expect(page.getByRole('button', { name: 'n3, down', exact: true })).toBeVisible();
  const names = await page.locator('[data-node]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  const events = await eventsShown(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export trace' }).click()]);
  expect(download.suggestedFilename()).toBe('distlab-beacon-7.jsonl');
  const text = await readFile((await download.path()) as string, 'utf8');
  const lines = text.trim().split('\n');
  expect(JSON.parse(lines[0] as string)).toMatchObject({ format: 'distlab-trace', version: 1, lab: 'beacon', variant: 'hardened', seed: 7 });
  expect(lines.length - 1).toBe(events);
  const lastT = (JSON.parse(lines[lines.length - 1] as string) as { t: number }).t;

  await page.goto('/#/beacon?seed=99');
  await expect(page.getByRole('button', { name: /^n3, ticking/ })).toBeVisible();
  await page.getByTestId('trace-file-input').setInputFiles({ name: 'distlab-beacon-7.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
  await expect(page.getByRole('button', { name: 'n3, down', exact: true })).toBeVisible();
  await expect.poll(() => timeShown(page)).toBe(Math.round(lastT * 10) / 10);
  expect(await eventsShown(page)).toBe(events);
  expect(await page.locator('[data-node]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(names);
  await expect(page).toHaveURL(/seed=7&t=.*crash:n3/);
});

test('reopening the URL shows the same moment', async ({ page }) => {
  await openMoment(page);
  await page.getByRole('button', { name: 'link n1–n3, up' }).click();
  await page.getByRole('button', { name: 'Cut n1→n3 only' }).click();
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step one event' }).click();
  // The clicks return before the steps are taken: wait for the fifth event after 1 234.5 ms of
  // this seed's run (n2's tick at 1 302.429 ms) to reach the status line and the address bar,
  // or the URL read could be a step behind the time read.
  await expect(statusTime(page)).toHaveText('t = 1 302.4 ms');
  await expect(page).toHaveURL(/[?&]t=1302\.429(&|$)/);
  const url = page.url();
  const time = await statusTime(page).textContent();
  const names = await page.locator('[data-node], .link-target').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  await page.goto('about:blank');
  await openMomentAt(page, url, time ?? '');
  expect(await page.locator('[data-node], .link-target').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(names);
});

test('the timeline scrubs: a click on the diagram seeks there', async ({ page }) => {
  await openMoment(page);
  const plot = page.getByRole('img', { name: /Space-time diagram/ });
  const box = await plot.boundingBox();
  if (box === null) throw new Error('no timeline');
  await plot.click({ position: { x: box.width * 0.4, y: box.height / 2 } });
  await expect.poll(() => timeShown(page)).toBeLessThan(1234.5);
  await expect(page.getByTestId('status-state')).toHaveText('paused');
});

test('a node that throws is shown down with its error', async ({ page }) => {
  await openMoment(page);
  await page.getByRole('button', { name: /^n2, ticking/ }).click();
  await page.getByRole('button', { name: 'Throw' }).click();
  const n2 = page.getByRole('button', { name: /^n2, down, threw: .*boom/ });
  await expect(n2).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Crashed because it threw');
  await expect(page.getByRole('note')).toContainText('boom');
  await expect(n2.locator('.node-error')).toContainText('threw: ');
});

test('a violation halts the run, names the rule, and jumps to its moment', async ({ page }) => {
  await page.goto('/#/beacon?variant=article&seed=7&a=400:crash:n1~600:restart:n1');
  await expect(statusTime(page)).toHaveText('t = 0.0 ms');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('max');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('status-state')).toHaveText('halted by a violation');
  const rule = page.getByRole('listitem', { name: 'count-monotonic: violated' });
  await expect(rule).toContainText('n1 counted');
  await expect(page.getByText('The run halted')).toBeVisible();
  const haltedAt = await timeShown(page);
  await page.getByRole('button', { name: /^Jump to t = / }).click();
  await expect(page.getByTestId('status-state')).toHaveText('paused');
  expect(await timeShown(page)).toBeLessThanOrEqual(haltedAt);
  // Play goes on past the violation.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => timeShown(page)).toBeGreaterThan(haltedAt + 100);
});

test('settings: a network slider changes the run live, a topology one reloads it', async ({ page }) => {
  await openMoment(page);
  const loss = page.getByRole('slider', { name: 'Loss' });
  await loss.focus();
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowRight');
  // A slow machine may commit part-way through the key presses; every press still counts, and the
  // last change recorded is the value the slider shows.
  await expect(page).toHaveURL(/[=~]1234\.5:net:lossRate=0\.25(&|$)/);
  await expect(loss).toHaveAttribute('aria-valuetext', '0.25');
  await expect(statusTime(page)).toHaveText('t = 1 234.5 ms');

  const nodes = page.getByRole('slider', { name: 'Nodes' });
  await nodes.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: /^n5, / })).toBeVisible();
  await expect(statusTime(page)).toHaveText('t = 0.0 ms');
  await expect(page).toHaveURL(/p\.nodes=5/);
});

test('a slider keeps every key press when the person pauses half-way', async ({ page }) => {
  // The page's timers (the slider's quiet time, the animation frames that draw the run's frames)
  // run on a clock the test moves, so each step below happens in this order on any machine.
  await page.clock.install();
  await watchRunReports(page);
  await openMoment(page);
  const loss = page.getByRole('slider', { name: 'Loss' });
  await loss.focus();
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await page.keyboard.press('ArrowRight');
  // The person pauses for the slider's quiet time: the first step is applied, and the run sends
  // its frame with the new loss rate back.
  const sent = (await runReports(page)).count;
  await page.clock.runFor(SLIDER_COMMIT_MS);
  await expect.poll(async () => (await runReports(page)).count, { message: 'the run sends back the first step' }).toBeGreaterThan(sent);
  // The person goes on; the first step's value is drawn while these presses wait for their own commit.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.clock.runFor(50);
  await expect(page).toHaveURL(/[=~]1234\.5:net:lossRate=0\.01(&|$)/);
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.clock.resume();
  await expect(page).toHaveURL(/[=~]1234\.5:net:lossRate=0\.1(&|$)/);
  await expect(loss).toHaveAttribute('aria-valuetext', '0.1');
});

test('network presets: isolate a node, split, heal all', async ({ page }) => {
  await openMoment(page);
  await page.getByRole('button', { name: /^n1, ticking/ }).click();
  await page.getByRole('button', { name: 'Isolate n1' }).click();
  await expect(page.locator('[data-link="n1-n2"]')).toHaveAttribute('data-state', 'cut');
  await expect(page.locator('[data-link="n1-n3"]')).toHaveAttribute('data-state', 'cut');
  await expect(page.locator('[data-link="n2-n3"]')).toHaveAttribute('data-state', 'up');
  await page.getByRole('button', { name: 'Heal all links' }).click();
  await expect(page.locator('[data-state="cut"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Split majority from minority' }).click();
  await expect(page.locator('[data-state="cut"]')).toHaveCount(2);
});

test('reset starts the run again from 0 ms without the new actions', async ({ page }) => {
  await openMoment(page);
  await page.getByRole('button', { name: /^n1, ticking/ }).click();
  await page.getByRole('button', { name: 'Kill n1' }).click();
  await expect(page.getByRole('button', { name: 'n1, down', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(statusTime(page)).toHaveText('t = 0.0 ms');
  await expect(page.locator('[data-node="n1"]')).not.toHaveAttribute('aria-label', 'n1, down');
  await expect(page).toHaveURL(/#\/beacon\?variant=hardened&seed=7$/);
});

test('a new seed or variant reloads the run; a bad seed is refused', async ({ page }) => {
  await openMoment(page);
  const seed = page.getByRole('textbox', { name: 'Seed' });
  await seed.fill('12x');
  await expect(page.getByText('A seed is a whole number')).toBeVisible();
  await seed.fill('12');
  await seed.press('Enter');
  await expect(page).toHaveURL(/seed=12/);
  await expect(statusTime(page)).toHaveText('t = 0.0 ms');
  await page.getByRole('combobox', { name: 'Variant' }).selectOption('article');
  await expect(page).toHaveURL(/variant=article&seed=12/);
});

test('a trace dropped on the page opens it', async ({ page }) => {
  await openMoment(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export trace' }).click()]);
  const text = await readFile((await download.path()) as string, 'utf8');
  await page.goto('/#/beacon?seed=3');
  await expect(statusTime(page)).toHaveText('t = 0.0 ms');
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped.jsonl'));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
  }, text);
  await expect(page).toHaveURL(/seed=7/);
  await expect.poll(() => timeShown(page)).toBeGreaterThan(1200);
});

test('the theme switch changes the colours and is remembered', async ({ page }) => {
  await page.goto('/#/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Switch to the light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('panels can be hidden and shown again', async ({ page }) => {
  await openMoment(page);
  const toggle = page.getByRole('button', { name: 'Event log', exact: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.getByRole('heading', { name: 'Event log' })).toHaveCount(0);
  await toggle.click();
  await expect(page.getByRole('heading', { name: 'Event log' })).toBeVisible();
});
