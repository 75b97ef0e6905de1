/** RedLock's fencing tokens are not guaranteed to increase, and a holder turned away is told what happened. */
import { describe, expect, it } from 'vitest';
import { redlockLab } from '../../src/labs/redlock/lab';
import { factsOf, runScenario } from '../paxos/scenarioRun';

describe('hardened RedLock with fencing, seed 10, no faults', () => {
  const events = runScenario(redlockLab, { id: 'tokens', title: '', variant: 'hardened', seed: 10, params: { fencing: true }, actions: [], untilMs: 6300, narration: [] }).events;

  it('gives c1 token 20 after c2 held token 21, and the storage turns the rightful holder away', () => {
    const tokens = factsOf(events, 'acquired').map((f) => `${f.node}:${String(f.fact['token'])}`);
    expect(tokens.slice(tokens.indexOf('c2:21'), tokens.indexOf('c2:21') + 2)).toEqual(['c2:21', 'c1:20']);
    const lost = factsOf(events, 'lost');
    expect(lost.map((f) => f.node)).toEqual(['c1']);
    expect(lost[0]?.fact['why']).toBe('the storage rejected token 20: it had already accepted a higher token, or this one from another hold');
    expect(events.filter((e) => e.type === 'violation')).toEqual([]);
  });
});
