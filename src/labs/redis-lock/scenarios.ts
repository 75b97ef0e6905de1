/**
 * The Redis lock lab's guided scenarios. Each is seeded and scripted, and its story is checked by
 * a test (tests/locks/scenarios.test.ts) at exactly this seed.
 */
import type { Scenario } from '../contract/scenario';
import { acquire, cut, heal, pause, release } from '../locks/scenarioKit';

const contendRetry: Scenario = {
  id: 'contend-retry',
  title: 'Two clients contend; one waits and retries',
  variant: 'hardened',
  seed: 1,
  params: { clients: 2 },
  actions: [],
  untilMs: 800,
  narration: [
    { at: 0, text: 'c1 asks r1 for the lock: SET L <its own random value> NX PX 500.' },
    { at: 22, text: 'The key did not exist, so the SET won and r1 counted fencing token 1: c1 holds the lock.' },
    { at: 59, text: 'c2 asked too. NX refused: the key exists. c2 waits a random delay around retryDelayMs before trying again.' },
    { at: 296, text: 'c1 works in three parts, writing each to the storage under token 1, and has renewed the key at TTL/2 with PEXPIRE.' },
    { at: 342, text: 'c1’s work is done: it unlocks with the compare-and-delete script, which deletes the key only if it still holds c1’s value.' },
    { at: 362, text: 'c2’s next attempt found the key gone and took the lock with token 2.' },
  ],
};

const renewalLongTask: Scenario = {
  id: 'renewal-long-task',
  title: 'Renewal keeps a long task safe',
  variant: 'hardened',
  seed: 1,
  params: { clients: 2, ttlMs: 300, workMs: 1200, writes: 4, retries: 40 },
  actions: [],
  untilMs: 1600,
  narration: [
    { at: 0, text: 'The lock lives 300 ms, but c1’s task takes 1200 ms. Without renewal the key would expire a quarter of the way through.' },
    { at: 196, text: 'Every 150 ms (TTL/2) c1 runs the compare-and-extend script with PEXPIRE 300: the key lives on, and c1 knows its validity from when the renewal went out.' },
    { at: 600, text: 'c2 keeps retrying and keeps being refused: the key never lapses while c1 works.' },
    { at: 1304, text: 'c1 wrote its last part and unlocked, and only then did c2 get the lock, with a higher token.' },
  ],
};

const articleSubsecond: Scenario = {
  id: 'article-subsecond-renewal',
  title: 'Article: a sub-second TTL renewal deletes the key',
  variant: 'article',
  seed: 1,
  params: { clients: 2, ttlMs: 800, workMs: 1500, fencing: false },
  actions: [],
  untilMs: 2000,
  narration: [
    { at: 0, text: 'The article’s lock with an 800 ms TTL. Every client uses the value "unique_value", as the seed’s usage example does.' },
    { at: 22, text: 'c1 holds the lock and starts a 1500 ms task. Its renewal goroutine ticks every TTL/2 = 400 ms.' },
    { at: 446, text: 'The renewal ran EXPIRE L int(ttl.Seconds()) = EXPIRE L 0. Redis deletes a key given a timeout of 0: the renewal has just released the lock. The script answered 1, so the Go code sees success.' },
    { at: 535, text: 'c2, retrying every 100 ms, takes the lock. c1 still believes it holds it: nobody told it.' },
    { at: 836, text: 'c1’s next renewal matches c2’s key, since both use "unique_value", and deletes it too.' },
    { at: 1537, text: 'c1 writes again after c2 has written: two holders’ writes interleave at the storage.' },
  ],
};

const articleConstantValue: Scenario = {
  id: 'article-constant-value',
  title: 'Article: one constant value, so one client unlocks another’s lock',
  variant: 'article',
  seed: 1,
  params: { clients: 2, ttlMs: 1000, workMs: 2000, writes: 2, retries: 50, fencing: false },
  actions: [cut(900, 'c1', 'r1'), heal(1200, 'c1', 'r1')],
  untilMs: 2600,
  narration: [
    { at: 0, text: 'The article’s lock with a 1 s TTL (so EXPIRE 1 renews it properly). Both clients use the value "unique_value".' },
    { at: 900, text: 'The link between c1 and r1 is cut for 300 ms.' },
    { at: 1022, text: 'c1’s renewal goes out into the cut link and is lost.' },
    { at: 1522, text: 'At the next tick the renewal has not returned: the goroutine logs the error and stops renewing. c1 is not told and keeps working.' },
    { at: 1612, text: 'The key expired; c2 takes the lock. Its value is "unique_value" as well.' },
    { at: 2058, text: 'c1 finishes and unlocks. The compare-and-delete script compares values, and the values are equal: c1 deletes c2’s lock.' },
  ],
};

const GC_PAUSE = {
  seed: 1,
  actions: [pause(400, 'c1', 1500)],
  untilMs: 2600,
} as const;

const gcPause: Scenario = {
  id: 'gc-pause-two-writers',
  title: 'A GC pause longer than the TTL: two writers',
  variant: 'article',
  params: { clients: 2, ttlMs: 1000, workMs: 900, retries: 50, fencing: false },
  ...GC_PAUSE,
  narration: [
    { at: 22, text: 'c1 holds the lock (TTL 1 s) and starts its work: three writes over 900 ms.' },
    { at: 331, text: 'c1 writes the first part of its work to the storage.' },
    { at: 400, text: 'c1’s process stops for 1.5 s: a stop-the-world GC pause. Its renewal cannot run either.' },
    { at: 1128, text: 'The key expired on r1’s clock at 1014 ms. c2 takes the lock and starts its work.' },
    { at: 1900, text: 'c1 wakes up. As far as it knows it still holds the lock: its renewal (which, with the shared value, extends c2’s key) and its next write go out at once.' },
    { at: 1915, text: 'The storage accepts c1’s write in the middle of c2’s work. No lock design without fencing can stop this: the pause can come right after any check.' },
  ],
};

const gcPauseFencing: Scenario = {
  id: 'gc-pause-fencing',
  title: 'The same pause with fencing tokens: the stale write is rejected',
  variant: 'article',
  params: { clients: 2, ttlMs: 1000, workMs: 900, retries: 50, fencing: true },
  ...GC_PAUSE,
  narration: [
    { at: 22, text: 'The same run, but every write carries the lock’s fencing token, and the storage remembers the highest one it accepted.' },
    { at: 1436, text: 'c2 took the lock with token 2 and writes under it.' },
    { at: 1915, text: 'c1 wakes up and writes under token 1. The storage has seen token 2: it rejects the write. The data is safe.' },
    { at: 1916, text: 'The lock itself is still misused: c1’s renewal extends c2’s key, because both use "unique_value" (see the constant-value scenario).' },
  ],
};

const secondUnlock: Scenario = {
  id: 'article-second-unlock',
  title: 'Article: a second Unlock panics',
  variant: 'article',
  seed: 1,
  params: { clients: 1, autoStart: false },
  actions: [acquire(100, 'c1'), release(300, 'c1'), release(500, 'c1')],
  untilMs: 700,
  narration: [
    { at: 122, text: 'c1 takes the lock.' },
    { at: 315, text: 'c1 unlocked at 300 ms: Unlock closed the renewal’s stop channel and ran the compare-and-delete script, which deleted the key.' },
    { at: 500, text: 'c1 calls Unlock again. close() on a closed channel is a Go panic: the process would die here (the cross on c1’s lane). The lock is not what is hurt, since its key is already gone; the caller is, with whatever else it was doing.' },
  ],
};

const DELAYED_WRITE = {
  seed: 1,
  actions: [{ at: 200, kind: 'delay', from: 'c1', to: 'storage', ms: 800 }],
  untilMs: 1400,
} as const;

const delayedWrite: Scenario = {
  id: 'delayed-write',
  title: 'Hardened: a write delayed on the network lands after the next holder’s',
  variant: 'hardened',
  params: { clients: 2, fencing: false },
  ...DELAYED_WRITE,
  narration: [
    { at: 131, text: 'c1 holds the lock and its first write reaches the storage.' },
    { at: 200, text: 'The link between c1 and the storage slows down: every message on it now takes 800 ms more.' },
    { at: 222, text: 'c1 checks its validity time, which is fine, and sends its next write. The check cannot see the network.' },
    { at: 422, text: 'The answer to c1’s last write has not come within a work period, so c1 unlocks. Its writes are still on the wire.' },
    { at: 649, text: 'c2 took the lock (token 2) and writes.' },
    { at: 1036, text: 'c1’s delayed token-1 write arrives now, after c2’s whole work (c1 already holds the lock again): the storage takes a write of an older holder after a newer one’s, though every client followed the rules.' },
  ],
};

const delayedWriteFencing: Scenario = {
  id: 'delayed-write-fencing',
  title: 'The same delay with fencing tokens: the late write is rejected',
  variant: 'hardened',
  params: { clients: 2, fencing: true },
  ...DELAYED_WRITE,
  narration: [
    { at: 200, text: 'The same delay between c1 and the storage.' },
    { at: 649, text: 'c2 took the lock with token 2 and writes under it.' },
    { at: 1137, text: 'c1’s late writes carry token 1. The storage has accepted token 2, so it rejects them: whatever the network does, an older holder cannot write after a newer one.' },
  ],
};

export const REDIS_LOCK_SCENARIOS: readonly Scenario[] = [
  contendRetry,
  renewalLongTask,
  articleSubsecond,
  articleConstantValue,
  gcPause,
  gcPauseFencing,
  delayedWrite,
  delayedWriteFencing,
  secondUnlock,
];
