/**
 * The token bucket lab's guided scenarios, each checked at its seed by tests/traffic/scenarios.test.ts.
 * The bucket holds 100 tokens and refills 10 a second (the seed's example) unless a scenario says.
 */
import type { Scenario } from '../contract/scenario';
import { burst } from '../traffic/actions';

const burstAbsorbed: Scenario = {
  id: 'burst-absorbed',
  title: 'A burst absorbed by the bucket',
  variant: 'hardened',
  seed: 1,
  params: { clients: 1, load: 'constant', clientIntervalMs: 200 },
  actions: [burst(1000, 'c1', 80), burst(4000, 'c1', 150)],
  untilMs: 8000,
  narration: [
    { at: 0, text: 'One client sends a request every 200 ms: 5 a second, half the refill rate, so the bucket stays full.' },
    { at: 1000, text: 'A burst of 80 requests at once. The bucket holds 100 tokens: every one of them passes, and the level drops to about 20.' },
    { at: 1100, text: 'The bucket refills at 10 tokens a second while the steady client spends 5: the level climbs back 5 a second.' },
    { at: 4000, text: 'A burst of 150 while the level is back near 35: about that many pass and the rest are rejected at once. A bucket absorbs a burst up to its level, then limits to its rate.' },
  ],
};

/** After the initial burst, one call every 70 ms against 10 tokens a second. */
const FRACTIONAL: Pick<Scenario, 'seed' | 'params' | 'actions' | 'untilMs'> = {
  seed: 1,
  params: { clients: 1, load: 'constant', clientIntervalMs: 70, loadStartMs: 1000 },
  actions: [burst(500, 'c1', 110)],
  untilMs: 13_000,
};

const fractionalLoss: Scenario = {
  id: 'fractional-loss',
  title: 'Article: whole tokens only, the rate falls to 7 a second',
  variant: 'article',
  ...FRACTIONAL,
  narration: [
    { at: 500, text: 'A burst of 110 spends the bucket\'s 100 tokens (10 are rejected).' },
    { at: 1000, text: 'From now on one call every 70 ms: 14.3 a second against a refill rate of 10. The bucket should let 10 a second through.' },
    { at: 2000, text: 'The article adds int(elapsed × rate) tokens and then sets lastRefill = now. A call 70 ms after a refill adds int(0.7) = 0; the next, 140 ms after, adds int(1.4) = 1 and throws 0.4 of a token away.' },
    { at: 13_000, text: 'One call in two passes: about 7.1 a second, 29% below the configured rate. Compare "fractional tokens kept".' },
  ],
};

const fractionalKept: Scenario = {
  id: 'fractional-kept',
  title: 'Hardened: fractional tokens kept, 10 a second',
  variant: 'hardened',
  ...FRACTIONAL,
  narration: [
    { at: 500, text: 'The same burst of 110 spends the bucket.' },
    { at: 1000, text: 'The same calls every 70 ms. The hardened bucket keeps fractions: each 70 ms adds 0.7 of a token.' },
    { at: 13_000, text: 'Exactly the configured 10 a second pass, as golang.org/x/time/rate would let through.' },
  ],
};

const bucketPerRequest: Scenario = {
  id: 'bucket-per-request',
  title: 'Article example: a new bucket for every request limits nothing',
  variant: 'article',
  seed: 1,
  params: { clients: 2, load: 'constant', clientIntervalMs: 20, bucketScope: 'per-request' },
  actions: [],
  untilMs: 3000,
  narration: [
    { at: 0, text: 'The seed\'s handler calls NewTokenBucket(100, 10) inside the handler: every request gets its own full bucket.' },
    { at: 500, text: 'Two clients send 100 requests a second together, ten times the limit. Every one passes.' },
    { at: 1100, text: 'Past 100 + 10/s × W in some window W: the bucket-bound checker stops the run. The bucket must live outside the handler, shared by every request.' },
  ],
};

const waitPolls: Scenario = {
  id: 'wait-polls',
  title: 'Article Wait: polling every 10 ms',
  variant: 'article',
  seed: 1,
  params: { clients: 1, load: 'constant', clientIntervalMs: 80, capacity: 5, waitMs: 2000 },
  actions: [],
  untilMs: 12_000,
  narration: [
    { at: 0, text: 'A bucket of 5 tokens at 10 a second; the client asks 12.5 times a second and is willing to wait up to 2 s for a token.' },
    { at: 600, text: 'The bucket runs dry. The article\'s Wait calls Allow, sleeps 10 ms, and calls it again, until a token turns up or the deadline passes.' },
    { at: 5000, text: 'Every waiting request polls: dozens of Allow calls per request let through, and whole tokens arrive only every 100 ms, so the waiters race for them and the order of arrival is lost.' },
    { at: 12_000, text: 'The backlog grows by 2.5 requests a second; once the wait passes 2 s, requests poll for 2 s and are then rejected.' },
  ],
};

const waitReserves: Scenario = {
  id: 'wait-reserves',
  title: 'Hardened Wait: a reservation and one timer',
  variant: 'hardened',
  seed: 1,
  params: { clients: 1, load: 'constant', clientIntervalMs: 80, capacity: 5, waitMs: 2000 },
  actions: [],
  untilMs: 12_000,
  narration: [
    { at: 0, text: 'The same bucket and client, hardened.' },
    { at: 600, text: 'A request that finds no token reserves the next one: the level goes below zero and the request waits exactly until its token is there, with a single timer.' },
    { at: 5000, text: 'Requests pass in arrival order at exactly 10 a second.' },
    { at: 12_000, text: 'Once the backlog means a wait past the 2 s deadline, a request is told at once instead of polling until then.' },
  ],
};

export const TOKEN_BUCKET_SCENARIOS: readonly Scenario[] = [burstAbsorbed, fractionalLoss, fractionalKept, bucketPerRequest, waitPolls, waitReserves];
