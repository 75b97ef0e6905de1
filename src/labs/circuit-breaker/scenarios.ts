/** The circuit breaker lab's scenarios: an outage trips the breaker, probes fail, then it recovers. */
import type { Scenario } from '../contract/scenario';
import { errorRate, outage } from '../traffic/actions';

const OUTAGE: Pick<Scenario, 'seed' | 'params' | 'actions' | 'untilMs'> = {
  seed: 1,
  params: { clients: 4, load: 'constant', clientIntervalMs: 20, backendLatencyMs: 50 },
  actions: [outage(1000, true), outage(3500, false)],
  untilMs: 6000,
};

const tripsAndRecovers: Scenario = {
  id: 'trips-and-recovers',
  title: 'An outage trips the breaker; probes; it recovers',
  variant: 'hardened',
  ...OUTAGE,
  narration: [
    { at: 0, text: 'Four clients send 200 requests a second through the breaker to a healthy backend. The breaker is closed.' },
    { at: 1000, text: 'The backend goes down: every call fails at once.' },
    { at: 1100, text: 'Five failures in a row: the breaker opens and refuses calls at once, sparing the backend and the clients\' time.' },
    { at: 2100, text: 'A second later the next request finds the timeout passed: the breaker goes half-open and lets probes through. The backend is still down, the first probe fails, and it opens again.' },
    { at: 3500, text: 'The backend is back.' },
    { at: 4150, text: 'The next half-open lets at most 5 probes through; 5 successes in a row close it, in a new generation.' },
  ],
};

const articleHalfOpen: Scenario = {
  id: 'article-half-open',
  title: 'Article: six probes through half-open, closed after two',
  variant: 'article',
  ...OUTAGE,
  narration: [
    { at: 0, text: 'The same outage, with the article\'s breaker.' },
    { at: 1100, text: 'It trips after five failures in a row, like the hardened one.' },
    { at: 2120, text: 'Half-open, and the first probe fails: open again. Note how it got there: open to half-open happens inside Allow, which returns true without counting that call; the next calls are counted up to 5, so 6 can pass.' },
    { at: 4200, text: 'Once the backend is back, the half-open-limit checker stops the run: more than 5 calls passed half-open. (Had it gone on, 5 / 2 = 2 successes would have closed it.)' },
  ],
};

const FLAPPING: Pick<Scenario, 'seed' | 'params' | 'actions' | 'untilMs'> = {
  seed: 1,
  params: { clients: 1, load: 'constant', clientIntervalMs: 40, maxFailures: 3, resetTimeoutMs: 500, halfOpenMaxCalls: 4 },
  actions: [errorRate(1000, 0.5), errorRate(9000, 0)],
  untilMs: 10_000,
};

const flappingArticle: Scenario = {
  id: 'flapping-backend',
  title: 'Article: a flapping backend, and the breaker flaps with it',
  variant: 'article',
  ...FLAPPING,
  narration: [
    { at: 1000, text: 'Half the backend\'s calls fail now. Three failures in a row trip the breaker.' },
    { at: 2310, text: 'Half-open, the article closes after 4 / 2 = 2 successes (and counts late outcomes of earlier calls): one lucky pair is enough, and it is closed again.' },
    { at: 9000, text: 'Closed, open, half-open, closed again, four times over: each close puts the full traffic on a backend that still fails half the time, until three failures in a row trip it again.' },
  ],
};

const flappingHardened: Scenario = {
  id: 'flapping-held-open',
  title: 'Hardened: a flapping backend keeps the breaker open',
  variant: 'hardened',
  ...FLAPPING,
  narration: [
    { at: 1000, text: 'The same flapping backend. The hardened breaker needs 4 successes in a row in one half-open generation to close.' },
    { at: 1700, text: 'With half the calls failing, that is one chance in 16: the first failure sends it back to open, half-open after half-open.' },
    { at: 9000, text: 'It never closed while the backend flapped, and let less than half as many calls through as the article\'s. Now the backend heals.' },
    { at: 9620, text: 'Four successes in a row in the next half-open: closed, for good.' },
  ],
};

export const CIRCUIT_BREAKER_SCENARIOS: readonly Scenario[] = [tripsAndRecovers, articleHalfOpen, flappingArticle, flappingHardened];
