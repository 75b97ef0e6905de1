/**
 * Hardened RedLock's fencing tokens follow the order of the acquisitions. Seed 10 is the run where,
 * before the winner raised the counters of its majority, c1 got token 20 after c2 had held 21 and
 * the storage turned the rightful holder away.
 */
import { describe, expect, it } from 'vitest';
import { redlockLab } from '../../src/labs/redlock/lab';
import { factsOf, runScenario } from '../paxos/scenarioRun';

describe('hardened RedLock with fencing, seed 10, no faults', () => {
  const events = runScenario(redlockLab, { id: 'tokens', title: '', variant: 'hardened', seed: 10, params: { fencing: true }, actions: [], untilMs: 6300, narration: [] }).events;

  it('every acquisition gets a higher token than the one before, and no holder is turned away', () => {
    const tokens = factsOf(events, 'acquired').map((f) => f.fact['token'] as number);
    expect(tokens.length).toBeGreaterThan(10);
    expect(tokens.filter((t, i) => i > 0 && t <= (tokens[i - 1] ?? 0))).toEqual([]);
    expect(factsOf(events, 'lost')).toEqual([]);
    expect(factsOf(events, 'write').filter((f) => f.fact['accepted'] !== true)).toEqual([]);
    expect(events.filter((e) => e.type === 'violation')).toEqual([]);
  });

  it('the servers that said yes raise their counters to the winner’s token, so the next majority counts past it', () => {
    const raised = factsOf(events, 'raised');
    expect(raised.length).toBeGreaterThan(0);
    for (const r of raised) {
      const holder = factsOf(events, 'acquired').find((a) => a.node === r.fact['owner'] && a.t >= r.t);
      expect(holder?.fact['token']).toBe(r.fact['token']);
    }
  });
});
