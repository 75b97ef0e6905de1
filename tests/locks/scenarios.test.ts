/** Each lock scenario shows, at its seed, exactly what its title and narration say. */
import { describe, expect, it } from 'vitest';
import { redisLockLab } from '../../src/labs/redis-lock/lab';
import { redlockLab } from '../../src/labs/redlock/lab';
import type { TraceEvent } from '../../src/sim/trace';
import { factsOf, runScenario, scenarioOf, violationsOf, type FactEvent } from '../paxos/scenarioRun';

const single = (id: string) => runScenario(redisLockLab, scenarioOf(redisLockLab, id)).events;
const multi = (id: string) => runScenario(redlockLab, scenarioOf(redlockLab, id)).events;

const by = (node: string) => (f: FactEvent) => f.node === node;
const writes = (events: readonly TraceEvent[]) => factsOf(events, 'write').map((f) => `${String(f.fact['client'])}:${String(f.fact['token'])}:${f.fact['accepted'] === true ? 'ok' : 'rejected'}`);
/** The holders of accepted writes in order, each run of one holder shown once: "c1 c2 c1" is an interleaving. */
function writers(events: readonly TraceEvent[]): string {
  const order = factsOf(events, 'write').filter((f) => f.fact['accepted'] === true).map((f) => `${String(f.fact['client'])}#${String(f.fact['hold'])}`);
  return order.filter((h, i) => h !== order[i - 1]).join(' ');
}

describe('redis-lock scenarios', () => {
  it('contend-retry: c2 is refused while c1 holds, retries, and gets the lock with the next token after c1 unlocks', () => {
    const events = single('contend-retry');
    const c1Released = factsOf(events, 'released').find(by('c1'));
    const c2Acquired = factsOf(events, 'acquired').find(by('c2'));
    expect(factsOf(events, 'refused').filter(by('c2')).length).toBeGreaterThanOrEqual(2);
    expect(factsOf(events, 'acquired').find(by('c1'))?.fact['token']).toBe(1);
    expect(c2Acquired?.fact['token']).toBe(2);
    expect(c2Acquired?.t).toBeGreaterThan(c1Released?.t ?? Infinity);
    expect(writers(events)).toBe('c1#1 c2#1');
    expect(violationsOf(events)).toEqual([]);
  });

  it('renewal-long-task: c1 renews all through a task four times its TTL, and c2 gets in only after it', () => {
    const events = single('renewal-long-task');
    expect(factsOf(events, 'renewed').filter(by('c1')).length).toBeGreaterThanOrEqual(7);
    expect(factsOf(events, 'expired')).toEqual([]);
    const c2 = factsOf(events, 'acquired').find(by('c2'));
    expect(c2?.t).toBeGreaterThan(1200);
    expect(factsOf(events, 'refused').filter((f) => f.node === 'c2' && f.t < 1200).length).toBeGreaterThanOrEqual(8);
    expect(violationsOf(events)).toEqual([]);
  });

  it('article-subsecond-renewal: the first renewal runs EXPIRE L 0, the key is deleted, and two holders write', () => {
    const events = single('article-subsecond-renewal');
    const deleted = factsOf(events, 'deleted')[0];
    expect(deleted?.fact).toMatchObject({ owner: 'c1', by: 'c1', how: 'expire' });
    expect(deleted?.t).toBeLessThan(450);
    expect(factsOf(events, 'lost')).toEqual([]);
    expect(factsOf(events, 'acquired').find(by('c2'))?.t).toBeLessThan(600);
    expect(writers(events)).toMatch(/^c1#1 c2#1 c1#1/);
    expect(violationsOf(events)).toEqual(expect.arrayContaining(['mutual-exclusion', 'own-value-only']));
  });

  it('article-constant-value: the renewal stops silently, and c1’s unlock deletes c2’s lock', () => {
    const events = single('article-constant-value');
    expect(factsOf(events, 'renew-failed').map((f) => f.node)).toEqual(['c1']);
    expect(factsOf(events, 'lost')).toEqual([]);
    const wrongDelete = factsOf(events, 'deleted').find((f) => f.fact['by'] === 'c1' && f.fact['owner'] === 'c2');
    expect(wrongDelete?.fact).toMatchObject({ value: 'unique_value', how: 'cad' });
    expect(violationsOf(events)[0]).toBe('own-value-only');
  });

  it('gc-pause-two-writers: after the pause c1 writes in the middle of c2’s work, and the storage marks it', () => {
    const events = single('gc-pause-two-writers');
    const interleaved = factsOf(events, 'write').find((f) => f.fact['interleaved'] === true);
    expect(interleaved?.fact).toMatchObject({ client: 'c1', token: 1, accepted: true });
    expect(interleaved?.t).toBeGreaterThan(1900);
    expect(writers(events)).toMatch(/^c1#1 c2#1 c1#1/);
    expect(violationsOf(events)).toContain('mutual-exclusion');
    const violation = events.find((e) => e.type === 'violation' && e.rule === 'mutual-exclusion');
    expect(violation).toMatchObject({ nodes: ['c1', 'c2'], detail: expect.stringContaining('the two critical sections overlap') });
  });

  it('gc-pause-fencing: the same pause, and the storage rejects c1’s stale token-1 writes', () => {
    const events = single('gc-pause-fencing');
    expect(writes(events).filter((w) => w.startsWith('c1:1'))).toEqual(['c1:1:ok', 'c1:1:rejected', 'c1:1:rejected']);
    expect(factsOf(events, 'write').some((f) => f.fact['interleaved'] === true)).toBe(false);
    expect(violationsOf(events)).not.toContain('mutual-exclusion');
    expect(violationsOf(events)).not.toContain('fencing-monotonic');
  });

  it('delayed-write: c1’s write, sent within its validity, lands after c2’s writes began', () => {
    const events = single('delayed-write');
    const c1Released = factsOf(events, 'released').find(by('c1'));
    const late = factsOf(events, 'write').find((f) => f.fact['interleaved'] === true);
    expect(late?.fact).toMatchObject({ client: 'c1', token: 1, hold: 1, accepted: true });
    expect(late?.t).toBeGreaterThan(c1Released?.t ?? Infinity);
    expect(factsOf(events, 'lost')).toEqual([]);
    expect(violationsOf(events)).toEqual(['mutual-exclusion']);
  });

  it('delayed-write-fencing: the same late writes are rejected for their older token', () => {
    const events = single('delayed-write-fencing');
    expect(writes(events).filter((w) => w.startsWith('c1:1'))).toEqual(['c1:1:ok', 'c1:1:rejected', 'c1:1:rejected']);
    expect(violationsOf(events)).toEqual([]);
  });

  it('article-second-unlock: the second Unlock panics and sends nothing to Redis', () => {
    const events = single('article-second-unlock');
    expect(factsOf(events, 'panic')).toEqual([{ t: 500, node: 'c1', fact: { kind: 'panic', lock: 'L', why: 'close of closed channel: Unlock called twice' } }]);
    expect(events.filter((e) => e.type === 'send' && e.t >= 500)).toEqual([]);
    expect(events.find((e) => e.type === 'fail')).toMatchObject({ node: 'c1', opId: 'op3' });
  });
});

describe('redlock scenarios', () => {
  it('one-server-down: 4 of 5 answer, and c1 holds the lock with its validity cut by the wait', () => {
    const events = multi('one-server-down');
    // The SET round waits out r5 (50 ms); the raise round to r1..r4 takes one more round trip.
    expect(factsOf(events, 'acquired')).toEqual([{ t: 173.041, node: 'c1', fact: { kind: 'acquired', lock: 'L', token: 1, validityMs: 419.959, elapsedMs: 73.041 } }]);
    expect(factsOf(events, 'set').map((f) => f.node).sort()).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(factsOf(events, 'released').map((f) => f.node)).toEqual(['c1']);
    expect(violationsOf(events)).toEqual([]);
  });

  it('clock-jump: r3’s jump gives c2 a majority while c1 still holds one; their writes interleave', () => {
    const events = multi('clock-jump');
    const acquired = factsOf(events, 'acquired');
    expect(acquired.map((f) => f.node)).toEqual(['c1', 'c2']);
    const c1Lost = factsOf(events, 'lost').find(by('c1'));
    expect(acquired[1]?.t).toBeLessThan(c1Lost?.t ?? 0);
    expect(writers(events)).toMatch(/^c1#1 c2#1 c1#1/);
    expect(violationsOf(events)).toEqual(['mutual-exclusion']);
  });

  it('clock-jump-fencing: c2 gets token 2, c1’s next write is rejected and c1 learns it lost the lock', () => {
    const events = multi('clock-jump-fencing');
    expect(factsOf(events, 'acquired').map((f) => f.fact['token'])).toEqual([1, 2]);
    expect(writes(events).slice(0, 3)).toEqual(['c1:1:ok', 'c2:2:ok', 'c1:1:rejected']);
    expect(factsOf(events, 'lost').find(by('c1'))?.fact['why']).toMatch(/rejected token 1/);
    expect(violationsOf(events)).toEqual([]);
  });

  it('restart-without-persistence: r3 comes back empty, c2 gets a second majority, and the writes interleave', () => {
    const events = multi('restart-without-persistence');
    expect(factsOf(events, 'keyspace').filter((f) => f.t > 0)).toEqual([{ t: 190, node: 'r3', fact: { kind: 'keyspace', keys: 0, entries: [] } }]);
    expect(factsOf(events, 'set').filter((f) => f.fact['owner'] === 'c2').map((f) => f.node).sort()).toEqual(['r3', 'r4', 'r5']);
    expect(factsOf(events, 'acquired').map((f) => f.node)).toEqual(['c1', 'c2']);
    expect(violationsOf(events)).toEqual(['mutual-exclusion']);
  });

  it('article-retry-cannot-renew: c2’s hold after a failed round is never renewed, its keys lapse, two holders write, and its Unlock panics', () => {
    const events = multi('article-retry-cannot-renew');
    const c2Acquired = factsOf(events, 'acquired').find(by('c2'));
    expect(factsOf(events, 'refused').filter(by('c2'))).toHaveLength(1);
    expect(events.filter((e) => e.type === 'timer' && e.node === 'c2' && e.name.startsWith('renew:'))).toEqual([]);
    const lapsed = factsOf(events, 'expired').filter((f) => f.fact['owner'] === 'c2');
    expect(lapsed).toHaveLength(5);
    expect(lapsed.every((f) => f.t - (c2Acquired?.t ?? 0) < 1000)).toBe(true);
    expect(factsOf(events, 'acquired').map((f) => f.node)).toEqual(['c1', 'c2', 'c1']);
    expect(factsOf(events, 'panic').map((f) => f.node)).toEqual(['c2']);
    expect(factsOf(events, 'deleted').filter((f) => f.fact['by'] === 'c2')).toEqual([]);
    expect(violationsOf(events)).toEqual(['mutual-exclusion']);
  });

  it('slow-acquisition: the article takes keys that are about to expire and two clients write; hardened refuses and stays safe', () => {
    const article = multi('slow-acquisition-article');
    expect(factsOf(article, 'acquired').map((f) => `${f.node}@${f.t}`)).toEqual(['c1@1101', 'c2@1171.318']);
    expect(violationsOf(article)).toEqual(['mutual-exclusion']);

    const hardened = multi('slow-acquisition-hardened');
    expect(factsOf(hardened, 'refused')[0]).toMatchObject({ t: 1101, node: 'c1', fact: { granted: 5, why: expect.stringMatching(/^validity -13 ms/) } });
    expect(factsOf(hardened, 'acquired').map((f) => f.node)[0]).toBe('c2');
    expect(violationsOf(hardened)).toEqual([]);
  });
});
