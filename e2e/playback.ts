/**
 * Waiting in e2e tests on virtual time and on the page's state, never on the wall clock.
 *
 * A person reaches an exact moment of a run through the address bar: `t=` in the link opens the
 * run paused at that virtual time. The page has no "play until" control (the runtime's
 * `playUntil` is wired to no button), and Play then Pause stops wherever the wall clock happened
 * to be, so `goToTime` takes the address bar's way: the run is computed again from 0 ms by the
 * same deterministic kernel, with every action taken so far (the page keeps them in the link),
 * and paused at `t`. What is on screen there is the same on every machine, however loaded.
 *
 * Only tests of Play itself play (ui.spec.ts: play and pause, a violation halting the run); they
 * wait for the time shown to pass a value, for the status to say halted, and for a pause to be
 * reported by the run itself (`watchRunReports`, `waitStopped`). runtime.spec.ts plays its own
 * controller to a virtual time with `playUntil` (runtimeHarness.ts).
 */
import { expect, type Page } from '@playwright/test';
import type { FromScheduler } from '../src/runtime/scheduler/messages';
import type { LabDefinition } from '../src/labs/contract/lab';
import { formatLabHash, formatUrlTime, scenarioSpec } from '../src/store/url';
import { formatMs } from '../src/labs/contract/numberText';

/** The status line's time for virtual ms `t` ("t = 1 234.5 ms"). */
export const timeLabel = (t: number): string => `t = ${formatMs(t)} ms`;

export const statusTime = (page: Page) => page.getByTestId('status-time');
export const statusState = (page: Page) => page.getByTestId('status-state');

/** Reads "t = 1 234.5 ms" as 1234.5. */
export async function timeShown(page: Page): Promise<number> {
  const text = (await statusTime(page).textContent()) ?? '';
  return Number(text.replace(/[^\d.]/g, ''));
}

/**
 * How a run stands still: `paused`, or `stopped`, which also takes a run halted by a violation
 * (a moment after a broken rule opens halted).
 */
export type Stillness = 'paused' | 'stopped';
const STATE_TEXT: Readonly<Record<Stillness, string | RegExp>> = { paused: 'paused', stopped: /^(paused|halted by a violation)$/ };

/** Waits for the status line to show the run standing still at virtual time `t` (ms, or the text shown). */
export async function pausedAt(page: Page, t: number | string, still: Stillness = 'paused'): Promise<void> {
  await expect(statusTime(page)).toHaveText(typeof t === 'number' ? timeLabel(t) : t);
  await expect(statusState(page)).toHaveText(STATE_TEXT[still]);
}

/** Opens `url` (a link to a moment) and waits for the run to stand still at `t`. */
export async function openMoment(page: Page, url: string, t: number | string, still: Stillness = 'paused'): Promise<void> {
  await page.goto(url);
  await pausedAt(page, t, still);
}

/** Fonts loaded and two animation frames drawn: the last layout (a ResizeObserver's width) is on screen. */
export async function settleDrawing(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Waits for the run to stand still at `t` with the fonts loaded and the last layout drawn (before a screenshot). */
export async function settle(page: Page, t: number | string, still: Stillness = 'paused'): Promise<void> {
  await pausedAt(page, t, still);
  await settleDrawing(page);
}

/** The link to scenario `id` of `lab` at virtual time `t`, with its story. */
export function scenarioUrl(lab: LabDefinition, id: string, t: number): string {
  const scenario = lab.scenarios.find((s) => s.id === id);
  if (scenario === undefined) throw new Error(`no scenario ${id} in ${lab.id}`);
  return `/${formatLabHash(lab, scenarioSpec(lab, scenario), t, scenario.id)}`;
}

/** `url` with its hash's `t=` set to `t` (after the seed, where the page writes it); all else as it was. */
export function urlAtTime(url: string, t: number): string {
  const hashAt = url.indexOf('#');
  if (hashAt < 0) throw new Error(`${url} is not a link to a run`);
  const [route = '', query = ''] = url.slice(hashAt).split('?');
  const fields = query === '' ? [] : query.split('&').filter((field) => !field.startsWith('t='));
  if (t > 0) fields.splice(fields.findIndex((field) => field.startsWith('seed=')) + 1, 0, `t=${formatUrlTime(t)}`);
  return `${url.slice(0, hashAt)}${route}?${fields.join('&')}`;
}

/**
 * Brings the run on the page to virtual time `t`, paused there, as a person reaches a moment:
 * by the address bar's `t=`. Everything else in the link stays: lab, variant, seed, parameters,
 * and the actions taken so far. The page writes an action into the link once it has been applied,
 * so a test waits for the link to hold its actions (it checks them with `toHaveURL`) before
 * calling this.
 */
export async function goToTime(page: Page, t: number, still: Stillness = 'paused'): Promise<void> {
  await page.goto(urlAtTime(page.url(), t));
  await pausedAt(page, t, still);
}

interface RunReports {
  /** Reports (frames) the scheduler worker has sent the page. */
  count: number;
  /** Whether the last one said the run was playing. */
  playing: boolean;
  /** The virtual time of the last one. */
  now: number;
}

/**
 * Before the page loads: keeps the last report the run's scheduler worker sent the page (its
 * frame's virtual time, and whether it was still playing), on `window.__runReports`. It only
 * listens beside the page's own handler; nothing the page does changes. The worker is known by
 * the name createRunController gives it; the message is typed by the scheduler's protocol.
 */
export async function watchRunReports(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const reports: RunReports = { count: 0, playing: false, now: 0 };
    (window as unknown as { __runReports: RunReports }).__runReports = reports;
    const PageWorker = window.Worker;
    window.Worker = class extends PageWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name !== 'distlab-scheduler') return;
        this.addEventListener('message', (event: MessageEvent<FromScheduler>) => {
          if (event.data.type !== 'UPDATE') return;
          reports.count += 1;
          reports.playing = event.data.update.playing;
          reports.now = event.data.update.frame.now;
        });
      }
    };
  });
}

/** The last report the run sent the page, and how many it sent (with `watchRunReports`). */
export function runReports(page: Page): Promise<RunReports> {
  return page.evaluate(() => ({ ...(window as unknown as { __runReports: RunReports }).__runReports }));
}

/**
 * Whether, for `frames` animation frames, the time shown stays as it is and no report comes from
 * the run. Counted in frames the page draws, not in wall-clock time.
 */
function stillForFrames(page: Page, frames: number): Promise<boolean> {
  return page.evaluate((count) => {
    const time = document.querySelector('[data-testid="status-time"]');
    const reports = (window as unknown as { __runReports: RunReports }).__runReports;
    const text = time?.textContent;
    const sent = reports.count;
    return new Promise<boolean>((resolve) => {
      let left = count;
      const check = () => {
        if (time?.textContent !== text || reports.count !== sent) resolve(false);
        else if (--left === 0) resolve(true);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  }, frames);
}

/**
 * After Pause (with `watchRunReports` installed): waits until the status says paused and the run
 * itself has reported that it stopped playing. The scheduler takes a pause between two slices of
 * play and then sends one last frame, not playing; nothing follows until the next command, so
 * from then on the clock cannot move. Checks that the time shown is that last frame's and stays
 * so over ten drawn frames; returns it as shown (in ms, to a tenth).
 */
export async function waitStopped(page: Page): Promise<number> {
  await expect(statusState(page)).toHaveText('paused');
  await expect.poll(async () => (await runReports(page)).playing, { message: 'the run reports that it stopped playing' }).toBe(false);
  const { now } = await runReports(page);
  await expect(statusTime(page)).toHaveText(timeLabel(now));
  expect(await stillForFrames(page, 10), 'the clock stays where the run stopped').toBe(true);
  return timeShown(page);
}
