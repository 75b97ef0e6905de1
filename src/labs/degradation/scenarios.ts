/** The degradation lab's scenarios: a backend slows down, then recovers; does the strategy? */
import type { Scenario } from '../contract/scenario';
import { errorRate, slow } from '../traffic/actions';

const SLOW: Pick<Scenario, 'seed' | 'params' | 'actions' | 'untilMs'> = {
  seed: 1,
  params: { clients: 2, load: 'constant', clientIntervalMs: 100 },
  actions: [slow(1000, true), slow(9000, false)],
  untilMs: 25_000,
};

const slowArticle: Scenario = {
  id: 'slow-backend',
  title: 'Article: degraded by a slow backend, and never back',
  variant: 'article',
  ...SLOW,
  narration: [
    { at: 0, text: 'Two clients, 20 requests a second; the backend answers in about 20 ms. Every request takes the primary path.' },
    { at: 1000, text: 'The backend slows down to about 3 s a call.' },
    { at: 4000, text: 'The first slow answers come back. The article\'s "average" is (avg + d) / 2: one 3 s call lifts it to 1.5 s, the next past 2 s, and the strategy falls back.' },
    { at: 9000, text: 'The backend is fast again. But the average only moves when a primary call succeeds, and degraded, the strategy calls no primary: it stays degraded for good.' },
    { at: 25_000, text: 'Sixteen seconds after the backend healed, every request still gets the fallback.' },
  ],
};

const slowHardened: Scenario = {
  id: 'slow-backend-recovers',
  title: 'Hardened: a rolling window lets it recover',
  variant: 'hardened',
  ...SLOW,
  narration: [
    { at: 1000, text: 'The same slow-down. The hardened strategy averages the calls of the last 10 s, so the fast calls of the first second hold the average down for a while.' },
    { at: 6300, text: 'Slow answers pull the window\'s average past 2 s: it falls back.' },
    { at: 9000, text: 'The backend is fast again. No primary calls run while degraded, so the window empties as time passes…' },
    { at: 19_100, text: '…and once it holds fewer than 5 calls the strategy tries the primary again, finds it fast, and stays on it.' },
  ],
};

const ERRORS: Pick<Scenario, 'seed' | 'params' | 'actions' | 'untilMs'> = {
  seed: 1,
  params: { clients: 2, load: 'constant', clientIntervalMs: 100 },
  actions: [errorRate(10_000, 1), errorRate(20_000, 0)],
  untilMs: 32_000,
};

const errorsArticle: Scenario = {
  id: 'lifetime-error-rate',
  title: 'Article: a lifetime error rate never notices a late outage',
  variant: 'article',
  ...ERRORS,
  narration: [
    { at: 0, text: 'Ten healthy seconds: 200 requests, no error.' },
    { at: 10_000, text: 'Every backend call fails now; each failure falls back, after the call. (In the seed\'s Go the first failure would hang: Execute still holds metrics.mu when it calls executeFallback, which locks it again. The lab gives the fallback, as the code means to.)' },
    { at: 15_000, text: 'Five seconds of failures: 100 errors over 300 requests since the start, 0.33, under 0.5.' },
    { at: 20_000, text: 'Ten seconds of failures, and 200 errors over 400 requests is 0.5, not above it: the strategy never degraded, and every request went to the broken backend first.' },
    { at: 32_000, text: 'An error rate over the whole lifetime depends on how much traffic came before, not on what is happening now.' },
  ],
};

const errorsHardened: Scenario = {
  id: 'rolling-error-rate',
  title: 'Hardened: a rolling error rate follows what happens now',
  variant: 'hardened',
  ...ERRORS,
  narration: [
    { at: 10_000, text: 'The same outage. The rolling window still holds the last 10 s of healthy calls…' },
    { at: 15_100, text: '…and as the healthy calls age out, errors pass half of the window\'s calls: the strategy degrades and stops calling the backend.' },
    { at: 20_000, text: 'The backend heals. With no primary calls, the window\'s errors age out…' },
    { at: 24_100, text: '…and about 10 s after the last failed call the primary runs again, on a healthy backend.' },
  ],
};

export const DEGRADATION_SCENARIOS: readonly Scenario[] = [slowArticle, slowHardened, errorsArticle, errorsHardened];
