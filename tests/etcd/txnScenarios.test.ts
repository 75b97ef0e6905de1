/** Each etcd-txn-lock scenario shows, at its seed, exactly what its title and narration say. */
import { describe, expect, it } from 'vitest';
import { etcdTxnLockLab } from '../../src/labs/etcd-txn-lock/lab';
import type { TraceEvent } from '../../src/sim/trace';
import { factsOf, runScenario, scenarioOf, violationsOf, type FactEvent } from '../paxos/scenarioRun';

const run = (id: string) => runScenario(etcdTxnLockLab, scenarioOf(etcdTxnLockLab, id)).events;
const by = (node: string) => (f: FactEvent) => f.node === node;
function writers(events: readonly TraceEvent[]): string {
  const order = factsOf(events, 'write').filter((f) => f.fact['accepted'] === true).map((f) => `${String(f.fact['client'])}#${String(f.fact['hold'])}`);
  return order.filter((h, i) => h !== order[i - 1]).join(' ');
}
const tokens = (events: readonly TraceEvent[]) => factsOf(events, 'acquired').map((f) => `${f.node}:${String(f.fact['token'])}`);

describe('etcd-txn-lock scenarios', () => {
  it('contend-retry: the second client is refused while the key exists, retries, and gets a higher token after the unlock', () => {
    const events = run('contend-retry');
    expect(factsOf(events, 'refused').filter(by('c2')).map((f) => f.fact['why'])).toEqual(['lock already held', 'lock already held']);
    expect(tokens(events).slice(0, 2)).toEqual(['c1:2', 'c2:4']);
    expect(factsOf(events, 'put').map((f) => f.fact['value'])).toEqual(['c1:1', 'c2:4', 'c1:7']);
    expect(violationsOf(events)).toEqual([]);
  });

  it('article-lease-expires: the keepalive stops as Lock returns, the lease lapses under c1, c2 gets in and their writes interleave', () => {
    const events = run('article-lease-expires');
    const c1 = factsOf(events, 'acquired').find(by('c1'));
    expect(factsOf(events, 'keepalive-stopped').find(by('c1'))?.t).toBe(c1?.t);
    expect(factsOf(events, 'expired')[0]?.fact).toMatchObject({ lock: 'L', owner: 'c1' });
    expect(factsOf(events, 'lost')).toEqual([]);
    expect(writers(events)).toMatch(/c1#1 c2#1 c1#1/);
    expect(violationsOf(events)[0]).toBe('mutual-exclusion');
    // A failed compare returns before Revoke: no revoke of c1's lease follows its unlock error.
    const error = factsOf(events, 'unlock-error').find(by('c1'));
    expect(error?.fact['why']).toMatch(/returns before Revoke/);
    expect(factsOf(events, 'revoked').some((f) => f.fact['lease'] === error?.fact['lease'])).toBe(false);
  });

  it('article-constant-value: c1’s Unlock deletes c2’s key, c3 takes the lock, and fencing rejects c2’s stale write', () => {
    const events = run('article-constant-value');
    const wrong = factsOf(events, 'deleted').find((f) => f.fact['by'] === 'c1' && f.fact['owner'] === 'c2');
    expect(wrong?.fact).toMatchObject({ value: 'unique_value', how: 'delete' });
    expect(violationsOf(events)[0]).toBe('own-value-only');
    expect(tokens(events).slice(0, 3)).toEqual(['c1:2', 'c2:4', 'c3:6']);
    expect(factsOf(events, 'write').find((f) => f.fact['client'] === 'c2' && f.fact['accepted'] === false)?.fact['token']).toBe(4);
    expect(violationsOf(events)).not.toContain('mutual-exclusion');
  });

  it('hardened-lease-lost: cut off from etcd, the holder stops once its lease is unproven and never writes after c2 got the lock', () => {
    const events = run('hardened-lease-lost');
    const lost = factsOf(events, 'lost').find(by('c1'));
    const c2 = factsOf(events, 'acquired').find(by('c2'));
    expect(lost?.t).toBeLessThan(c2?.t ?? 0);
    expect(factsOf(events, 'write').filter((f) => f.fact['client'] === 'c1' && f.t > (lost?.t ?? 0))).toEqual([]);
    expect(writers(events)).toBe('c1#1 c2#1');
    expect(violationsOf(events)).toEqual([]);
  });

  it('etcd-restart-keeps-lock: the key and lease come back, c1 finishes, c2 follows with the next revision', () => {
    const events = run('etcd-restart-keeps-lock');
    expect(factsOf(events, 'recovered').at(-1)?.fact).toMatchObject({ revision: 2, leases: 1, keys: [{ lock: 'L', owner: 'c1' }] });
    expect(factsOf(events, 'expired')).toEqual([]);
    expect(tokens(events)).toEqual(['c1:2', 'c2:4']);
    expect(writers(events)).toBe('c1#1 c2#1');
    expect(violationsOf(events)).toEqual([]);
  });
});
