/** The lock views on the etcd labs: the timeline from the same facts, the keys and leases panel's model, the server's arc. */
import { describe, expect, it } from 'vitest';
import { etcdMutexLab } from '../../src/labs/etcd-mutex/lab';
import { etcdTxnLockLab } from '../../src/labs/etcd-txn-lock/lab';
import { buildFrame } from '../../src/runtime/frame';
import { etcdKeysModel } from '../../src/labs/locks/etcdKeysModel';
import { lockDecoration } from '../../src/labs/locks/lockDecoration';
import { lockTimelineModel } from '../../src/labs/locks/lockTimelineModel';
import { runScenario, scenarioOf } from '../paxos/scenarioRun';

const spellsOf = (m: ReturnType<typeof lockTimelineModel>) => m.spells.map((s) => `${s.client} ${s.kind} ${s.token ?? '-'} ${Math.round(s.from)}-${s.to === null ? 'now' : Math.round(s.to)}`);

describe('the lock timeline on etcd runs', () => {
  it('shows the paused article holder believing it holds once its lease expired, and c2 holding after it', () => {
    const { events } = runScenario(etcdMutexLab, scenarioOf(etcdMutexLab, 'gc-pause-two-writers'));
    const spells = spellsOf(lockTimelineModel(events, ['c1', 'c2'], 1, 1800));
    expect(spells).toContain('c1 holding 2 43-1010');
    expect(spells).toContain('c1 stale 2 1010-now');
    expect(spells.find((s) => s.startsWith('c2 holding'))).toMatch(/^c2 holding 3 1047-now$/);
  });

  it('keeps the holder holding through an etcd crash and restart: the recovered server still has its key', () => {
    const { events } = runScenario(etcdMutexLab, scenarioOf(etcdMutexLab, 'etcd-restart-keeps-lock'));
    const spells = spellsOf(lockTimelineModel(events, ['c1', 'c2'], 1, 1000));
    expect(spells).toEqual(expect.arrayContaining(['c1 holding 2 43-300', 'c1 stale 2 300-600', 'c1 holding 2 600-now']));
  });

  it('shows the article TryLock’s background Lock holding the lock for good', () => {
    const { events } = runScenario(etcdMutexLab, scenarioOf(etcdMutexLab, 'article-trylock-leak'));
    const spells = spellsOf(lockTimelineModel(events, ['c1', 'c2'], 1, 2500));
    expect(spells).toContain('c2 holding 3 1005-now');
  });
});

describe('the etcd keys and leases model', () => {
  it('lists the keys oldest first with the owner marked, and each lease with its time left by the server’s clock', () => {
    const r = runScenario(etcdMutexLab, { ...scenarioOf(etcdMutexLab, 'queue-by-revision'), untilMs: 200 });
    const [v] = etcdKeysModel(buildFrame(r.sim).nodes);
    expect(v?.revision).toBe(4);
    expect(v?.keys.map((k) => `${k.key}:${k.owner}:${k.createRevision}:${k.owns ? 'owns' : 'waits'}`)).toEqual(['L/1:c1:2:owns', 'L/2:c2:3:waits', 'L/3:c3:4:waits']);
    expect(v?.leases.map((l) => `${l.id}:${l.owner}:${l.keys.join(',')}`)).toEqual(['1:c1:L/1', '2:c2:L/2', '3:c3:L/3']);
    for (const l of v?.leases ?? []) expect(l.fraction).toBeCloseTo(l.leftMs / 1000, 6);
  });

  it('draws the owner’s lease as the etcd node’s arc, and nothing when the lock is free', () => {
    const r = runScenario(etcdTxnLockLab, { ...scenarioOf(etcdTxnLockLab, 'contend-retry'), untilMs: 100 });
    const nodes = buildFrame(r.sim).nodes;
    const etcd = lockDecoration(nodes.find((n) => n.id === 'etcd')!);
    expect(etcd?.line).toBeNull();
    expect(etcd?.description).toMatch(/^lock owned by c1 \(L, create revision 2\), lease 1 with \d+ ms left by the server’s own clock$/);
    expect(etcd?.arc).toBeGreaterThan(0.5);
    const early = runScenario(etcdTxnLockLab, { ...scenarioOf(etcdTxnLockLab, 'contend-retry'), untilMs: 5 });
    expect(lockDecoration(buildFrame(early.sim).nodes.find((n) => n.id === 'etcd')!)).toBeNull();
  });
});
