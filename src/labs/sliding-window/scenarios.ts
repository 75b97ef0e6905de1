/**
 * The sliding-window lab's scenarios: three limiters (sliding log, fixed window, sliding-window
 * counter) see the very same requests, each as its own operation, 10 per second per key.
 */
import type { Scenario } from '../contract/scenario';
import { burst } from '../traffic/actions';

const boundaryBurst: Scenario = {
  id: 'boundary-burst',
  title: 'Fixed window: twice the limit across a boundary',
  variant: 'hardened',
  seed: 1,
  params: { clients: 1, load: 'off', latencyMsMin: 5, latencyMsMax: 5 },
  actions: [burst(990, 'c1', 10), burst(1100, 'c1', 10)],
  untilMs: 2500,
  narration: [
    { at: 0, text: 'At most 10 requests per second. The same requests go to a sliding log, a fixed window and a sliding-window counter.' },
    { at: 995, text: 'Ten requests just before the fixed window\'s boundary at 1 s: all three let them through.' },
    { at: 1105, text: 'Ten more 110 ms later. The fixed window began a new window at 1 s with a count of zero and lets all ten through: 20 in 110 ms.' },
    { at: 1106, text: 'The sliding log counts the last second exactly and refuses all ten. The counter weighs the previous window by the 89.5% of it still inside the last second: 10 × 0.895 = 8.95, so one more fits.' },
  ],
};

const keysPileUp: Scenario = {
  id: 'keys-pile-up',
  title: 'Article: a key table that only grows',
  variant: 'article',
  seed: 1,
  params: { clients: 2, load: 'poisson', clientIntervalMs: 40, keys: 100_000 },
  actions: [],
  untilMs: 6000,
  narration: [
    { at: 0, text: 'Every request carries a user key drawn from 100 000. A limiter per key built from the seed\'s log keeps a map of keys and never removes one.' },
    { at: 3000, text: 'Each key was seen once or twice, seconds ago, and is still in the table: the limiter\'s memory grows with every new user.' },
    { at: 6000, text: 'About 300 keys tracked, nearly all idle, and growing by 50 a second. Compare "idle keys evicted".' },
  ],
};

const keysEvicted: Scenario = {
  id: 'keys-evicted',
  title: 'Hardened: idle keys evicted, the table bounded',
  variant: 'hardened',
  seed: 1,
  params: { clients: 2, load: 'poisson', clientIntervalMs: 40, keys: 100_000, maxKeys: 1000 },
  actions: [],
  untilMs: 6000,
  narration: [
    { at: 0, text: 'The same traffic, hardened: every window, keys idle for two windows are swept out, and the table holds at most 1000 keys.' },
    { at: 6000, text: 'The table stays near the keys seen in the last two seconds, about 100, however long the run.' },
  ],
};

export const SLIDING_WINDOW_SCENARIOS: readonly Scenario[] = [boundaryBurst, keysPileUp, keysEvicted];
