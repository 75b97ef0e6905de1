/** The lock views' models, read from real scenario runs. */
import { describe, expect, it } from 'vitest';
import { redisLockLab } from '../../src/labs/redis-lock/lab';
import { redlockLab } from '../../src/labs/redlock/lab';
import { buildFrame } from '../../src/runtime/frame';
import { lockDecoration } from '../../src/labs/locks/lockDecoration';
import { lockTimelineModel, panicLabel, spellLabel, writeLabel } from '../../src/labs/locks/lockTimelineModel';
import { redisKeysModel } from '../../src/labs/locks/redisKeysModel';
import { factsOf, runScenario, scenarioOf } from '../paxos/scenarioRun';

describe('the lock timeline model', () => {
  const { events } = runScenario(redisLockLab, scenarioOf(redisLockLab, 'gc-pause-two-writers'));
  const model = lockTimelineModel(events, ['c1', 'c2'], 1, 2100);
  const spells = model.spells.map((s) => `${s.client} ${s.kind} ${s.token ?? '-'} ${Math.round(s.from)}-${s.to === null ? 'now' : Math.round(s.to)}`);

  it('shows c1 holding, then believing it holds once its key expired, while c2 waits and then holds', () => {
    expect(spells).toContain('c1 holding 1 22-1014');
    expect(spells.find((s) => s.startsWith('c1 stale'))).toMatch(/^c1 stale 1 1014-/);
    expect(spells.some((s) => s.startsWith('c2 waiting'))).toBe(true);
    expect(spells.find((s) => s.startsWith('c2 holding'))).toMatch(/^c2 holding 2 1127-/);
  });

  it('marks the interleaved write and the violation where they happen', () => {
    const late = model.writes.find((w) => w.interleaved);
    expect(late).toMatchObject({ client: 'c1', token: 1, accepted: true });
    expect(writeLabel(late!)).toMatch(/^write by c1 with token 1 at 1914 ms, accepted, interleaved with another holder$/);
    expect(model.violations.map((v) => v.rule)).toEqual(['mutual-exclusion', 'own-value-only']);
  });

  it('reads only the events up to now, and names spells for screen readers', () => {
    const early = lockTimelineModel(events, ['c1', 'c2'], 1, 500);
    expect(early.writes.every((w) => w.t <= 500)).toBe(true);
    const c1 = early.spells.find((s) => s.client === 'c1' && s.kind !== 'waiting');
    expect(c1).toMatchObject({ kind: 'holding', to: null, token: 1 });
    expect(spellLabel(c1!, 500)).toBe('c1 holds the lock, token 1, 22–500 ms, ongoing');
  });

  it('with RedLock, a holder whose keys fall below a majority is shown believing it holds', () => {
    const r = runScenario(redlockLab, scenarioOf(redlockLab, 'slow-acquisition-article'));
    const m = lockTimelineModel(r.events, ['c1', 'c2'], 5, 1300);
    expect(m.spells.find((s) => s.client === 'c1' && s.kind !== 'waiting')).toMatchObject({ kind: 'holding', from: 1101 });
    expect(m.spells.find((s) => s.client === 'c1' && s.kind === 'stale')?.from).toBeCloseTo(1107.108, 3);
  });
});

describe('the lock timeline of the article’s second Unlock', () => {
  it('marks the panic on c1’s lane where it happens, and names it', () => {
    const { events } = runScenario(redisLockLab, scenarioOf(redisLockLab, 'article-second-unlock'));
    expect(lockTimelineModel(events, ['c1'], 1, 499).panics).toEqual([]);
    const { panics } = lockTimelineModel(events, ['c1'], 1, 700);
    expect(panics).toEqual([{ t: 500, client: 'c1', why: 'close of closed channel: Unlock called twice' }]);
    expect(panicLabel(panics[0]!)).toBe('c1 panics at 500 ms: close of closed channel: Unlock called twice');
  });
});

describe('the lock timeline after a Redis restart', () => {
  const restartRun = (persistence: boolean) => {
    const scenario = scenarioOf(redlockLab, 'restart-without-persistence');
    return runScenario(redlockLab, { ...scenario, params: { ...scenario.params, persistence }, untilMs: 195 }).events;
  };
  const c1Spells = (persistence: boolean) => lockTimelineModel(restartRun(persistence), ['c1', 'c2'], 5, 195).spells.filter((s) => s.client === 'c1' && s.kind !== 'waiting');

  it('with persistence, the restarted server says which keys it kept and whose, and c1 goes on holding', () => {
    const restarted = factsOf(restartRun(true), 'keyspace').find((f) => f.node === 'r3' && f.t === 190);
    expect(restarted?.fact).toMatchObject({ keys: 1, entries: [{ lock: 'L', owner: 'c1', value: expect.any(String), ttlMs: expect.any(Number) }] });
    // Down from the crash to the restart, c1 keeps only two of five keys; back at 190 ms, three again.
    expect(c1Spells(true).map((s) => `${s.kind} ${Math.round(s.from)}-${s.to === null ? 'now' : Math.round(s.to)}`)).toEqual(['holding 174-180', 'stale 180-190', 'holding 190-now']);
  });

  it('without persistence, the server comes back empty and c1 is left believing it holds a lock that is gone', () => {
    expect(c1Spells(false).map((s) => `${s.kind} ${Math.round(s.from)}`)).toEqual(['holding 174', 'stale 180']);
  });
});

describe('the Redis keys model', () => {
  it('gives each server its key’s holder, counter and time left by its own clock', () => {
    const r = runScenario(redlockLab, { ...scenarioOf(redlockLab, 'clock-jump'), untilMs: 250 });
    const rows = redisKeysModel(buildFrame(r.sim).nodes);
    // r4 and r5 counted 1 for c2's SET, then raised their counters to c2's token, r3's 2.
    expect(rows.map((x) => `${x.id}:${x.owner ?? '-'}:${x.counter}`)).toEqual(['r1:c1:1', 'r2:c1:1', 'r3:c2:2', 'r4:c2:2', 'r5:c2:2']);
    const r3 = rows.find((x) => x.id === 'r3');
    expect(r3?.leftMs).toBeCloseTo(500 - (250 - 207.856), 2);
    expect(r3?.fraction).toBeCloseTo(r3!.leftMs! / 500, 5);
  });
});

describe('the lock labs’ node decoration', () => {
  it('draws a Redis server’s key as the share of its time to live left, and nothing on a free server or a client', () => {
    const r = runScenario(redlockLab, { ...scenarioOf(redlockLab, 'one-server-down'), untilMs: 300 });
    const nodes = buildFrame(r.sim).nodes;
    const r1 = lockDecoration(nodes.find((n) => n.id === 'r1')!);
    // r1 set the key at 113.986 ms with PX 500: at 300 ms, 313.986 of 500 ms are left.
    expect(r1?.arc).toBeCloseTo(313.986 / 500, 6);
    expect(r1?.description).toMatch(/^lock key held by c1, \d+ ms left by its own clock$/);
    expect(lockDecoration(nodes.find((n) => n.id === 'r5')!)).toBeNull();
    expect(lockDecoration(nodes.find((n) => n.id === 'c1')!)).toBeNull();
  });
});
