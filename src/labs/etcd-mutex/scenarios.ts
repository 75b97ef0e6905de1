/**
 * The etcd mutex lab's guided scenarios. Each is seeded and scripted, and its story is checked by
 * a test (tests/etcd/mutexScenarios.test.ts) at exactly this seed.
 */
import type { Scenario } from '../contract/scenario';
import { acquire, crash, pause, restart, skew, tryLock } from '../locks/scenarioKit';

const queue: Scenario = {
  id: 'queue-by-revision',
  title: 'Three clients queue by create revision',
  variant: 'hardened',
  seed: 1,
  params: { clients: 3 },
  actions: [],
  untilMs: 1300,
  narration: [
    { at: 0, text: 'c1 opens a session (a lease of 1 s, kept alive every TTL/3) and puts L/1 if absent. Its key has create revision 2, the lowest under L/: c1 owns the lock, with token 2.' },
    { at: 66, text: 'c2 puts L/2 at revision 3. The oldest key is c1’s, so c2 waits: it watches L/1, the newest key older than its own, for a deletion.' },
    { at: 134, text: 'c3 puts L/3 at revision 4 and watches L/2, not L/1: each waiter watches only the one ahead of it, so a release wakes one client, not all of them.' },
    { at: 368, text: 'c1’s work is done: Unlock deletes L/1 and closes the session (revoke). c2’s watch fires, it finds nothing older than its key, and holds the lock with token 3.' },
    { at: 612, text: 'c1 comes back for more and queues at revision 6, behind c3. Order is first come, first served, by revision.' },
    { at: 786, text: 'c2 unlocks and c3 takes over with token 4: every owner has a higher create revision than the one before, so the revision is a fencing token for free.' },
  ],
};

const PAUSE = { seed: 1, actions: [pause(200, 'c1', 1500)], untilMs: 2600 } as const;

const gcPause: Scenario = {
  id: 'gc-pause-two-writers',
  title: 'A GC pause longer than the lease: two writers',
  variant: 'article',
  params: { clients: 2, workMs: 900, contextMs: 10_000, fencing: false },
  ...PAUSE,
  narration: [
    { at: 0, text: 'The article’s EtcdLock, with a context long enough not to matter here. c1 holds the lock (token 2); c2 waits behind it.' },
    { at: 200, text: 'c1’s process stops for 1.5 s: a stop-the-world GC pause. Its keepalive stops with it.' },
    { at: 1010, text: 'No keepalive for 1 s: etcd expires c1’s lease by its own clock and deletes L/1 with it.' },
    { at: 1047, text: 'c2’s watch fires: it owns the lock with token 3 and starts writing.' },
    { at: 1709, text: 'c1 wakes up. The article’s holder never checks its session, so it writes at once, in the middle of c2’s work.' },
    { at: 1958, text: 'The writes of two holders interleave at the storage. Without fencing the storage cannot tell them apart.' },
  ],
};

const gcPauseFencing: Scenario = {
  id: 'gc-pause-fencing',
  title: 'The same pause with the revision as a fencing token: the stale write is rejected',
  variant: 'article',
  params: { clients: 2, workMs: 900, contextMs: 10_000, fencing: true },
  ...PAUSE,
  narration: [
    { at: 0, text: 'The same pause, but each write carries the holder’s token, its key’s create revision, and the storage remembers the highest it accepted.' },
    { at: 1047, text: 'c2 owns the lock with token 3 and writes under it.' },
    { at: 1709, text: 'c1 wakes and writes under token 2. The storage has seen 3: it rejects the write. etcd’s revision only goes up, so a newer owner always fences an older one off.' },
  ],
};

const hardenedPause: Scenario = {
  id: 'hardened-pause',
  title: 'Hardened: after the pause the holder sees its lease is gone and stops',
  variant: 'hardened',
  params: { clients: 2, workMs: 900, fencing: false },
  ...PAUSE,
  narration: [
    { at: 200, text: 'The hardened client is paused the same way while it holds the lock.' },
    { at: 1010, text: 'Its lease expires on etcd’s clock and c2 takes the lock with token 3.' },
    { at: 1700, text: 'c1 wakes. Before its next write it checks its session: no keepalive has been answered for over a TTL, so the lease may be gone. It stops and writes nothing.' },
    { at: 1945, text: 'c1 queues again behind c2 with a new session, and gets the lock after it. No violation, even without fencing: the check and the write happen in one step here. A write already on the wire would still need fencing (see the Redis lock lab’s delayed write).' },
  ],
};

const contextEnds: Scenario = {
  id: 'article-context-ends',
  title: 'Article: the Lock context ends the keepalive, and the lease lapses under the holder',
  variant: 'article',
  seed: 1,
  params: { clients: 2, workMs: 2000, writes: 6, fencing: false },
  actions: [],
  untilMs: 2300,
  narration: [
    { at: 0, text: 'The article’s EtcdLock passes the usage example’s 5 s context (here 500 ms, against a 1 s lease) to NewSession: the session’s keepalive lives only as long as that context. c1 holds the lock for a 2 s task.' },
    { at: 500, text: 'The context ends. Lock returned long ago, but the keepalive goes with the context, and c1 is not told.' },
    { at: 540, text: 'c2 is still waiting in Lock when its own context ends: Lock fails with “context deadline exceeded” and deletes c2’s key.' },
    { at: 1365, text: 'A TTL after c1’s last keepalive, etcd expires its lease and deletes L/1, while c1 is still working.' },
    { at: 1481, text: 'c2’s next Lock finds no older key: it holds the lock with token 8.' },
    { at: 2056, text: 'c1 writes its last part after c2 has written: two holders’ writes interleave.' },
    { at: 2069, text: 'c1’s Unlock uses the same expired context: the delete and session.Close both fail, so in general its key would stay until the lease lapses.' },
  ],
};

const tryLockLeak: Scenario = {
  id: 'article-trylock-leak',
  title: 'Article: TryLock times out, but its Lock goes on and takes the lock for nobody',
  variant: 'article',
  seed: 1,
  params: { clients: 2, autoStart: false, workMs: 900, contextMs: 10_000 },
  actions: [acquire(0, 'c1'), tryLock(100, 'c2'), acquire(1300, 'c1')],
  untilMs: 2500,
  narration: [
    { at: 0, text: 'c1 takes the lock for a 900 ms task.' },
    { at: 100, text: 'c2 calls the article’s TryLock. It opens a session and starts mutex.Lock in a goroutine, then waits for the goroutine, the lock or its context.' },
    { at: 158, text: 'The goroutine’s Lock queues L/2 behind c1’s key.' },
    { at: 400, text: 'TryLock gives up after 300 ms and returns false. Nothing stops the goroutine: its Lock and its session’s keepalive go on.' },
    { at: 1005, text: 'c1 unlocks, and c2’s forgotten Lock takes the lock (token 3). c2 believes it failed, so it will never unlock, and its session keeps the key alive.' },
    { at: 1362, text: 'c1 wants the lock again and queues behind L/2: it waits for a lock nobody uses and nobody will release, until c2’s process dies.' },
  ],
};

const tryLockFast: Scenario = {
  id: 'trylock-fails-fast',
  title: 'Hardened: TryLock fails at once and takes its key back',
  variant: 'hardened',
  seed: 1,
  params: { clients: 2, autoStart: false, workMs: 600 },
  actions: [acquire(0, 'c1'), tryLock(100, 'c2'), tryLock(800, 'c2')],
  untilMs: 1200,
  narration: [
    { at: 0, text: 'c1 takes the lock (key L/1, revision 2) and works for 600 ms.' },
    { at: 100, text: 'c2 calls TryLock, as etcd’s Mutex.TryLock does it: put L/2, then look at the oldest key under L/.' },
    { at: 136, text: 'The oldest key is c1’s, so TryLock fails at once with “Locked by another session”…' },
    { at: 147, text: '…and deletes its own key and revokes its session, so it leaves nothing in the queue.' },
    { at: 800, text: 'c1 has unlocked; c2’s next TryLock finds its key the oldest and gets the lock with token 6.' },
  ],
};

const restartKeeps: Scenario = {
  id: 'etcd-restart-keeps-lock',
  title: 'etcd restarts: the lock, the queue and the revision survive',
  variant: 'hardened',
  seed: 1,
  params: { clients: 2, workMs: 1200, writes: 4 },
  actions: [crash(300, 'etcd'), restart(600, 'etcd')],
  untilMs: 2000,
  narration: [
    { at: 0, text: 'c1 holds the lock (L/1, revision 2) for a 1.2 s task; c2 waits behind it.' },
    { at: 300, text: 'The etcd server crashes. c1’s keepalives go unanswered, but its lease’s TTL is 1 s, so c1 still knows it is safe for a while.' },
    { at: 600, text: 'etcd restarts from its disk: revision 3, both keys, both leases, each lease with a fresh TTL (as etcd does on recovery). c2 opens its watch again.' },
    { at: 1268, text: 'c1 finishes and unlocks; c2 gets the lock with token 3. Unlike a Redis server without persistence, the restart lost nothing. Real etcd would also keep serving through the crash of one member, by Raft.' },
  ],
};

const clockJump: Scenario = {
  id: 'etcd-clock-jump',
  title: 'etcd’s clock jumps ahead: every lease ends early, and the hardened holder hears it and stops',
  variant: 'hardened',
  seed: 1,
  params: { clients: 2, workMs: 900 },
  actions: [skew(250, 'etcd', 1000)],
  untilMs: 1500,
  narration: [
    { at: 0, text: 'c1 holds the lock; c2 waits behind it.' },
    { at: 250, text: 'etcd’s clock jumps one second ahead. Leases expire by the server’s own clock…' },
    { at: 365, text: '…so at its next tick etcd expires both leases and deletes both keys, long before their holders stopped sending keepalives.' },
    { at: 375, text: 'c1’s next keepalive is answered “lease not found”. The hardened holder stops its work at once.' },
    { at: 569, text: 'c2 starts over with a new session and holds the lock with token 6; c1 queues behind it. Had c1 written on, the storage would have refused its token 2.' },
  ],
};

export const ETCD_MUTEX_SCENARIOS: readonly Scenario[] = [queue, tryLockFast, gcPause, gcPauseFencing, hardenedPause, contextEnds, tryLockLeak, restartKeeps, clockJump];
