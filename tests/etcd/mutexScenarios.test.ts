/** Each etcd-mutex scenario shows, at its seed, exactly what its title and narration say. */
import { describe, expect, it } from 'vitest';
import { etcdMutexLab } from '../../src/labs/etcd-mutex/lab';
import type { TraceEvent } from '../../src/sim/trace';
import { factsOf, runScenario, scenarioOf, violationsOf, type FactEvent } from '../paxos/scenarioRun';

const run = (id: string) => runScenario(etcdMutexLab, scenarioOf(etcdMutexLab, id)).events;
const by = (node: string) => (f: FactEvent) => f.node === node;
/** The holders of accepted writes in order, each run of one holder shown once: "c1#1 c2#1 c1#1" is an interleaving. */
function writers(events: readonly TraceEvent[]): string {
  const order = factsOf(events, 'write').filter((f) => f.fact['accepted'] === true).map((f) => `${String(f.fact['client'])}#${String(f.fact['hold'])}`);
  return order.filter((h, i) => h !== order[i - 1]).join(' ');
}
const tokens = (events: readonly TraceEvent[]) => factsOf(events, 'acquired').map((f) => `${f.node}:${String(f.fact['token'])}`);

describe('etcd-mutex scenarios', () => {
  it('queue-by-revision: owners follow create revision, each waiter watches the key just ahead, tokens go up', () => {
    const events = run('queue-by-revision');
    expect(factsOf(events, 'queued').map((f) => `${f.node}>${String(f.fact['behind'])}`).slice(0, 3)).toEqual(['c2>L/1', 'c3>L/2', 'c1>L/3']);
    expect(tokens(events)).toEqual(['c1:2', 'c2:3', 'c3:4', 'c1:6']);
    expect(violationsOf(events)).toEqual([]);
  });

  it('trylock-fails-fast: a TryLock against a holder fails at once and deletes its key; later it succeeds', () => {
    const events = run('trylock-fails-fast');
    const refused = factsOf(events, 'refused').find(by('c2'));
    expect(refused?.fact['why']).toMatch(/Locked by another session/);
    expect(refused?.t).toBeLessThan(150);
    expect(factsOf(events, 'deleted').find((f) => f.fact['lock'] === 'L/2')?.fact).toMatchObject({ owner: 'c2', by: 'c2' });
    expect(tokens(events)).toEqual(['c1:2', 'c2:6']);
    expect(events).toContainEqual(expect.objectContaining({ type: 'fail', node: 'c2', opId: 'op2' }));
  });

  it('gc-pause-two-writers: the lease expires under the paused article holder, and it writes into the next holder’s work', () => {
    const events = run('gc-pause-two-writers');
    expect(factsOf(events, 'expired')[0]?.fact).toMatchObject({ lock: 'L/1', owner: 'c1' });
    expect(factsOf(events, 'lost')).toEqual([]);
    expect(writers(events)).toMatch(/^c2#1 c1#1 c2#1/);
    expect(violationsOf(events)).toContain('mutual-exclusion');
  });

  it('gc-pause-fencing: the same pause, and the storage rejects every write under c1’s older revision', () => {
    const events = run('gc-pause-fencing');
    const c1 = factsOf(events, 'write').filter((f) => f.fact['client'] === 'c1' && f.fact['token'] === 2);
    expect(c1.map((f) => f.fact['accepted'])).toEqual([false, false, false]);
    expect(violationsOf(events)).toEqual([]);
  });

  it('hardened-pause: after the pause the holder finds its lease unproven, stops without writing, and no violation follows without fencing', () => {
    const events = run('hardened-pause');
    const lost = factsOf(events, 'lost').find(by('c1'));
    expect(lost?.t).toBe(1700);
    expect(factsOf(events, 'write').some((f) => f.fact['client'] === 'c1' && f.fact['hold'] === 1)).toBe(false);
    expect(violationsOf(events)).toEqual([]);
  });

  it('article-context-ends: the keepalive stops with the Lock context, the lease lapses under the working holder, two holders write, Unlock fails', () => {
    const events = run('article-context-ends');
    expect(factsOf(events, 'keepalive-stopped').find(by('c1'))?.t).toBe(500);
    expect(factsOf(events, 'refused').filter(by('c2')).map((f) => f.fact['why'])).toContain('context deadline exceeded');
    expect(factsOf(events, 'expired').find((f) => f.fact['owner'] === 'c1')?.t).toBeLessThan(1400);
    expect(writers(events)).toMatch(/c1#1 c2#1 c1#1/);
    expect(violationsOf(events)).toContain('mutual-exclusion');
    expect(factsOf(events, 'unlock-error').find(by('c1'))?.fact['why']).toMatch(/context deadline exceeded/);
  });

  it('article-trylock-leak: TryLock returns false, its Lock takes the lock later in the background, and c1 then waits behind it for good', () => {
    const events = run('article-trylock-leak');
    expect(events).toContainEqual(expect.objectContaining({ type: 'fail', node: 'c2', opId: 'op2', value: 'failed to acquire lock: timed out' }));
    const leaked = factsOf(events, 'acquired').find(by('c2'));
    expect(leaked?.fact).toMatchObject({ token: 3, key: 'L/2', background: true });
    expect(factsOf(events, 'queued').filter(by('c1')).at(-1)?.fact['behind']).toBe('L/2');
    // Nobody releases the leaked key: it is never deleted, and c1's second acquire never answers.
    expect(factsOf(events, 'deleted').some((f) => f.fact['lock'] === 'L/2')).toBe(false);
    expect(factsOf(events, 'expired')).toEqual([]);
    expect(events.some((e) => (e.type === 'ok' || e.type === 'fail') && e.opId === 'op3')).toBe(false);
  });

  it('etcd-restart-keeps-lock: the restarted server brings back both keys and leases, the holder finishes and the waiter follows', () => {
    const events = run('etcd-restart-keeps-lock');
    expect(factsOf(events, 'recovered').at(-1)?.fact).toMatchObject({ revision: 3, leases: 2 });
    expect(factsOf(events, 'expired')).toEqual([]);
    expect(tokens(events).slice(0, 2)).toEqual(['c1:2', 'c2:3']);
    expect(writers(events)).toBe('c1#1 c2#1');
    expect(violationsOf(events)).toEqual([]);
  });

  it('etcd-clock-jump: the jump expires both leases early, the holder is told by its keepalive and stops, then c2 holds with a higher token', () => {
    const events = run('etcd-clock-jump');
    expect(factsOf(events, 'expired').map((f) => f.fact['lock'])).toEqual(['L/1', 'L/2']);
    expect(factsOf(events, 'lost').find(by('c1'))?.fact['why']).toMatch(/lease is gone/);
    expect(tokens(events)).toEqual(['c1:2', 'c2:6']);
    expect(violationsOf(events)).toEqual([]);
  });
});
