/**
 * The etcd transaction lock lab's guided scenarios. Each is seeded and scripted, and its story is
 * checked by a test (tests/etcd/txnScenarios.test.ts) at exactly this seed.
 */
import type { Scenario } from '../contract/scenario';
import { crash, cut, heal, restart } from '../locks/scenarioKit';

const contend: Scenario = {
  id: 'contend-retry',
  title: 'Two clients: the second is refused and retries',
  variant: 'hardened',
  seed: 1,
  params: { clients: 2 },
  actions: [],
  untilMs: 900,
  narration: [
    { at: 0, text: 'c1 grants a lease, keeps it alive, and runs Txn(If Version(L) = 0, Then Put(L, its value, with the lease)). L did not exist: c1 holds the lock with token 2, the key’s create revision.' },
    { at: 76, text: 'c2’s transaction finds Version(L) = 1: “lock already held”. No queue here: c2 revokes its lease and retries after a random delay around 100 ms.' },
    { at: 368, text: 'c1 unlocks: Txn(If CreateRevision(L) = 2, Then Delete(L)), and revokes its lease.' },
    { at: 430, text: 'c2’s next attempt puts L at revision 4: token 4, higher than c1’s, as every later holder’s will be.' },
  ],
};

const leaseExpires: Scenario = {
  id: 'article-lease-expires',
  title: 'Article: the keepalive ends with the Lock context, and the lease expires under the holder',
  variant: 'article',
  seed: 1,
  params: { clients: 2, workMs: 2000, writes: 6, retries: 50, fencing: false },
  actions: [],
  untilMs: 2300,
  narration: [
    { at: 0, text: 'The article’s EtcdTransactionLock through lockWithRetry: each Lock call gets a 5 s context (here 500 ms), and KeepAlive runs under that context.' },
    { at: 43, text: 'c1 holds the lock, and lockWithRetry calls cancel() the moment Lock returns: the keepalive stops with the context, before the work has begun.' },
    { at: 76, text: 'c2 is refused (“lock already held”) and retries every 100 ms.' },
    { at: 1010, text: 'A TTL after the grant, etcd expires c1’s lease and deletes L. c1 is still working and nobody tells it.' },
    { at: 1060, text: 'c2’s retry puts L: it holds the lock with token 4, while c1 still believes it does.' },
    { at: 1724, text: 'c1 writes after c2 has written: two holders’ writes interleave.' },
    { at: 2091, text: 'c2’s lease has lapsed too (its keepalive stopped the same way), so c1’s Unlock finds no key: “lock not held by this instance”, and it returns before Revoke, leaving its lease to run out.' },
  ],
};

const constantValue: Scenario = {
  id: 'article-constant-value',
  title: 'Article: one constant value, so one client’s Unlock deletes another’s lock',
  variant: 'article',
  seed: 1,
  params: { clients: 3, workMs: 1500, retries: 50, fencing: true },
  actions: [],
  untilMs: 2600,
  narration: [
    { at: 0, text: 'Three clients pass the usage example’s one value, "unique_value". Fencing is on, so the storage is safe; watch the lock itself.' },
    { at: 1010, text: 'c1’s keepalive stopped when Lock returned, so its lease expires in the middle of its 1.5 s task.' },
    { at: 1060, text: 'c2 takes the lock with the same value.' },
    { at: 1574, text: 'c1 finishes and unlocks: Txn(If Value(L) = "unique_value", Then Delete(L)). The values are equal, so c1 deletes c2’s lock.' },
    { at: 1668, text: 'c3 takes the free lock while c2 is still working: the lock now has two holders it knows nothing about.' },
    { at: 2570, text: 'Only fencing saves the data: c2’s write under token 4 comes after c3’s token 6 and is rejected. Then c2’s Unlock deletes c3’s lock in turn.' },
  ],
};

const leaseLost: Scenario = {
  id: 'hardened-lease-lost',
  title: 'Hardened: cut off from etcd, the holder stops once it cannot prove its lease',
  variant: 'hardened',
  seed: 1,
  params: { clients: 2, workMs: 1500, writes: 5, retries: 50, fencing: false },
  actions: [cut(200, 'c1', 'etcd'), heal(1800, 'c1', 'etcd')],
  untilMs: 2200,
  narration: [
    { at: 0, text: 'Hardened: c1 holds the lock (token 2) and keeps its lease alive every TTL/3 for as long as it holds it.' },
    { at: 200, text: 'The link between c1 and etcd is cut. Its keepalives are lost; its writes to the storage still go through.' },
    { at: 957, text: 'c1 writes only while its lease is proven: the grant went out at 0 ms, so it is surely alive until 1000 ms by c1’s clock.' },
    { at: 1010, text: 'etcd expires the lease and deletes L.' },
    { at: 1020, text: 'At its next keepalive tick c1 can no longer prove its lease: it stops its work, says so, and writes nothing more.' },
    { at: 1044, text: 'c2 holds the lock with token 4. No two holders write, even with fencing off.' },
  ],
};

const restartKeeps: Scenario = {
  id: 'etcd-restart-keeps-lock',
  title: 'etcd restarts: the lock key and its lease survive',
  variant: 'hardened',
  seed: 1,
  params: { clients: 2, workMs: 1200, writes: 4, retries: 50 },
  actions: [crash(300, 'etcd'), restart(600, 'etcd')],
  untilMs: 1800,
  narration: [
    { at: 0, text: 'c1 holds the lock (token 2) for a 1.2 s task; c2 retries.' },
    { at: 300, text: 'The etcd server crashes: requests go unanswered and are sent again.' },
    { at: 600, text: 'etcd restarts from its disk: revision 2, the key L and c1’s lease, with a fresh TTL. c1’s keepalives find it again.' },
    { at: 724, text: 'c2’s resent transaction still finds L held.' },
    { at: 1336, text: 'After c1 unlocks, c2 gets the lock with token 4: the revision went on from where it was.' },
  ],
};

export const ETCD_TXN_SCENARIOS: readonly Scenario[] = [contend, leaseExpires, constantValue, leaseLost, restartKeeps];
