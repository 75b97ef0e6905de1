/**
 * The classic stale write (Kleppmann): c1 takes the lock and pauses before its first write for
 * longer than the TTL; c2 takes the lock, does its whole work and unlocks; c1 wakes and writes
 * under its old token. c1 never wrote before c2, so nothing interleaves at the storage, yet the
 * two critical sections overlap.
 */
import { describe, expect, it } from 'vitest';
import { redisLockLab } from '../../src/labs/redis-lock/lab';
import { pause } from '../../src/labs/locks/scenarioKit';
import type { TraceEvent } from '../../src/sim/trace';
import { factsOf, runScenario } from '../paxos/scenarioRun';

function staleWriteRun(fencing: boolean): readonly TraceEvent[] {
  const params = { clients: 2, ttlMs: 1000, workMs: 300, retries: 50, fencing };
  return runScenario(redisLockLab, { id: 'stale-write', title: '', variant: 'article', seed: 1, params, actions: [pause(50, 'c1', 1500)], untilMs: 1600, narration: [] }).events;
}

const c1Writes = (events: readonly TraceEvent[]) => factsOf(events, 'write').filter((f) => f.node === 'storage' && f.fact['client'] === 'c1');
const violations = (events: readonly TraceEvent[]) => events.flatMap((e) => (e.type === 'violation' ? [e] : []));

describe('the stale write of a holder paused before its first write', () => {
  it('without fencing: the storage accepts c1’s token-1 write after c2’s whole work, marks it, and mutual-exclusion flags it', () => {
    const events = staleWriteRun(false);
    const c2Released = factsOf(events, 'released').find((f) => f.node === 'c2');
    const [stale] = c1Writes(events);
    expect(stale?.t).toBeGreaterThan(c2Released?.t ?? Infinity);
    expect(stale?.fact).toMatchObject({ token: 1, part: 1, accepted: true, interleaved: true });
    expect(violations(events)).toEqual([expect.objectContaining({ t: stale?.t, rule: 'mutual-exclusion', nodes: ['c1', 'c2'] })]);
  });

  it('with fencing: the storage rejects the same write, and nothing is flagged', () => {
    const events = staleWriteRun(true);
    expect(c1Writes(events).map((f) => f.fact['accepted'])).toEqual([false]);
    expect(violations(events)).toEqual([]);
  });
});
