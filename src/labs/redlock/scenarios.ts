/**
 * The RedLock lab's guided scenarios. Each is seeded and scripted, and its story is checked by a
 * test (tests/locks/scenarios.test.ts) at exactly this seed. The clients act only on the scripted
 * commands (`autoStart` off), so every acquisition in the story is one the narration names.
 */
import type { Action } from '../../sim/actions';
import type { Scenario } from '../contract/scenario';
import { acquire, cut, pause } from '../locks/scenarioKit';

const SCRIPTED = { clients: 2, autoStart: false } as const;

/** c1 reaches only r1..r3: the smallest majority, so one server changing its mind gives c2 a majority too. */
const c1OnlyReachesThree: Action[] = [cut(0, 'c1', 'r4'), cut(0, 'c1', 'r5')];

const oneDown: Scenario = {
  id: 'one-server-down',
  title: 'One Redis down: RedLock still acquires',
  variant: 'hardened',
  seed: 1,
  params: SCRIPTED,
  actions: [{ at: 0, kind: 'crash', node: 'r5' }, acquire(100, 'c1')],
  untilMs: 700,
  narration: [
    { at: 0, text: 'Five independent Redis servers; r5 is down.' },
    { at: 100, text: 'c1 sends SET L <random value> NX PX 500 to all five at once and starts its clock.' },
    { at: 115, text: 'r1..r4 say yes. r5 never answers; c1 waits at most requestTimeoutMs (50 ms) for it.' },
    { at: 150, text: '4 of 5 is a majority (N/2+1 = 3). Its token is the highest counter among the yeses, 1; c1 asks r1..r4 to raise their counters to it, so any later majority counts past it.' },
    { at: 174, text: 'Three confirmed it: c1 holds the lock. Validity = TTL − elapsed − drift = 500 − 73 − 7 = 420 ms, counted from when the SETs went out: c1 holds it that long unless it renews.' },
    { at: 493, text: 'c1 finishes its work and runs the compare-and-delete script on every server.' },
  ],
};

const CLOCK_JUMP: Action[] = [...c1OnlyReachesThree, acquire(100, 'c1'), { at: 180, kind: 'skew', node: 'r3', ms: 1000 }, acquire(200, 'c2')];

const clockJump: Scenario = {
  id: 'clock-jump',
  title: 'A clock jump on one Redis: two holders',
  variant: 'hardened',
  seed: 1,
  params: { ...SCRIPTED, workMs: 900, writes: 6, fencing: false },
  actions: CLOCK_JUMP,
  untilMs: 1000,
  narration: [
    { at: 0, text: 'c1 cannot reach r4 and r5 (the links are cut).' },
    { at: 174, text: 'c1 gets r1, r2 and r3: exactly a majority. It holds the lock for 419 ms and starts a long task.' },
    { at: 180, text: 'r3’s clock jumps a second ahead (an operator, or NTP stepping it).' },
    { at: 244, text: 'c2 asked everyone. By r3’s clock c1’s key had expired, so r3 said yes; r4 and r5 never saw c1. Three of five: c2 holds the lock too.' },
    { at: 489, text: 'Both clients hold the lock, each by the rules. Both write to the storage, and their writes interleave.' },
    { at: 520, text: 'c1’s renewal reached only r1 and r2; its validity runs out and it stops, too late.' },
  ],
};

const clockJumpFencing: Scenario = {
  id: 'clock-jump-fencing',
  title: 'The same clock jump with fencing: c1 is turned away',
  variant: 'hardened',
  seed: 1,
  params: { ...SCRIPTED, workMs: 900, writes: 6, fencing: true },
  actions: CLOCK_JUMP,
  untilMs: 1000,
  narration: [
    { at: 174, text: 'c1 holds r1..r3 with token 1. Every server keeps its own fencing counter; a token is the highest its majority gave, and the winner raises the counters of its majority to it before it holds.' },
    { at: 244, text: 'The clock jump on r3 gave c2 a majority of its own (r3, r4, r5). r3’s counter is at 2, so c2’s token is 2; r4 and r5 raised theirs to 2 before c2 went ahead.' },
    { at: 496, text: 'c2 writes under token 2. When c1 wrote again under token 1, the storage rejected it, and the rejection told c1 it has lost the lock.' },
    { at: 1000, text: 'Counters kept apart do not order tokens by themselves: without the raise, a later majority that misses the server with the highest counter gets a lower token (Kleppmann’s point), and fencing would let the stale holder in. The raise makes every majority that comes later meet a server already past the token.' },
  ],
};

const emptyRestart: Scenario = {
  id: 'restart-without-persistence',
  title: 'A Redis restart without persistence: a second majority',
  variant: 'hardened',
  seed: 1,
  params: { ...SCRIPTED, workMs: 900, writes: 6, fencing: false, persistence: false },
  actions: [...c1OnlyReachesThree, acquire(100, 'c1'), { at: 180, kind: 'crash', node: 'r3' }, { at: 190, kind: 'restart', node: 'r3' }, acquire(200, 'c2')],
  untilMs: 1000,
  narration: [
    { at: 174, text: 'c1 holds the lock on r1, r2 and r3, a bare majority.' },
    { at: 190, text: 'r3 crashed at 180 ms. Persistence is off, so it restarts now with an empty keyspace: c1’s key is gone, and so is r3’s fencing counter.' },
    { at: 244, text: 'c2 asked: r3, r4 and r5 said yes. Two clients hold a majority each, both with token 1.' },
    { at: 489, text: 'Their writes interleave at the storage. The fixes: persistence with fsync, or keep a restarted server out for one TTL (delayed restart).' },
  ],
};

const SLOW = { ...SCRIPTED, ttlMs: 1000, workMs: 600, fencing: false } as const;
const SLOW_ACTIONS: Action[] = [acquire(100, 'c1'), pause(101, 'c1', 1000), acquire(1150, 'c2')];

const slowArticle: Scenario = {
  id: 'slow-acquisition-article',
  title: 'Article: a slow acquisition is taken as a fresh lock',
  variant: 'article',
  seed: 1,
  params: SLOW,
  actions: SLOW_ACTIONS,
  untilMs: 2000,
  narration: [
    { at: 100, text: 'c1 sends its five SETs (TTL 1 s)…' },
    { at: 115, text: '…and at 101 ms its process stopped for a second. The servers say yes at once, but c1 only reads the answers when it wakes.' },
    { at: 1101, text: 'c1 counts 5 of 5 and believes it holds the lock. The article never subtracts the time the acquisition took: the keys it counts on expire in a few milliseconds.' },
    { at: 1172, text: 'The keys have expired: c2 gets all five. Two holders.' },
    { at: 1516, text: 'c1 writes again after c2 has written: their writes interleave.' },
  ],
};

const slowHardened: Scenario = {
  id: 'slow-acquisition-hardened',
  title: 'Hardened: the validity check refuses a slow acquisition',
  variant: 'hardened',
  seed: 1,
  params: SLOW,
  actions: SLOW_ACTIONS,
  untilMs: 2000,
  narration: [
    { at: 100, text: 'The same pause during the same acquisition, hardened.' },
    { at: 1101, text: 'c1 counts 5 of 5, but 1001 ms went by since the SETs went out: validity = 1000 − 1001 − 12 is not positive. It takes nothing, runs the compare-and-delete everywhere, and retries after a random delay.' },
    { at: 1193, text: 'c2 asked while c1 waited to retry, and got a majority first: it holds the lock alone.' },
  ],
};

const retryCannotRenew: Scenario = {
  id: 'article-retry-cannot-renew',
  title: 'Article: after one failed round RedLock cannot renew, and its Unlock panics',
  variant: 'article',
  seed: 1,
  params: { ...SCRIPTED, ttlMs: 1000, workMs: 1500, writes: 6, fencing: false },
  actions: [acquire(100, 'c1'), acquire(1560, 'c2'), acquire(2700, 'c1')],
  untilMs: 3400,
  narration: [
    { at: 122, text: 'c1 takes the lock on all five servers; each instance starts its own renewal ticker (EXPIRE 1 every 500 ms) while c1 works for 1.5 s.' },
    { at: 1582, text: 'c2’s first round finds c1’s keys: 0 of 5. RedLock.Lock calls Unlock, which closes every instance’s stopRenew channel, then sleeps 100 ms.' },
    { at: 1704, text: 'c1 is done; c2’s second round gets all five. But each renewal goroutine sees its stop channel closed and returns at once: nothing will renew c2’s keys.' },
    { at: 2695, text: 'One TTL later every key lapses while c2 is still working.' },
    { at: 2722, text: 'c1 asks again and gets the lock: two holders.' },
    { at: 3211, text: 'c2’s last write lands after c1’s first: the writes interleave.' },
    { at: 3221, text: 'c2 unlocks: close() on the channels its failed round already closed is a Go panic. The scripts never run.' },
  ],
};

export const REDLOCK_SCENARIOS: readonly Scenario[] = [oneDown, clockJump, clockJumpFencing, emptyRestart, slowArticle, slowHardened, retryCannotRenew];
