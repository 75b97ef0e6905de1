import { describe, expect, it } from 'vitest';
import { fencingChecker, lockCheckers, mutualExclusionChecker, ownValueChecker } from '../../src/check/locks';
import type { Checker } from '../../src/sim/checker';
import type { Json, JsonObject } from '../../src/sim/json';
import type { TraceEvent } from '../../src/sim/trace';

let seq = 0;
const out = (node: string, fact: JsonObject): TraceEvent => ({ t: seq, seq: ++seq, type: 'output', node, fact });
const write = (client: string, token: number, accepted = true, hold = 1) => out('storage', { kind: 'write', client, token, accepted, hold, part: 1, of: 3 });

function feed<S extends Json>(checker: Checker<S>, events: readonly TraceEvent[]): string[] {
  let state = checker.init();
  const found: string[] = [];
  for (const e of events) {
    const seen = checker.observe(state, e, { nodes: {} });
    state = seen.state;
    if (seen.violation !== undefined) found.push(seen.violation.detail);
  }
  return found;
}

const acquired = (client: string, token: number) => out(client, { kind: 'acquired', lock: 'L', token });

describe('mutual-exclusion', () => {
  it('passes holders that take turns, however many writes each makes', () => {
    const turns = [acquired('c1', 1), write('c1', 1), write('c1', 1), acquired('c2', 2), write('c2', 2), write('c2', 2), acquired('c1', 3), write('c1', 3, true, 2)];
    expect(feed(mutualExclusionChecker, turns)).toEqual([]);
  });

  it('catches a holder writing again after a later holder wrote', () => {
    const found = feed(mutualExclusionChecker, [acquired('c1', 1), write('c1', 1), acquired('c2', 2), write('c2', 2), write('c1', 1)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^c1 wrote \(token 1\) after c2, which acquired the lock later, had written \(token 2\): the two critical sections overlap/);
  });

  it('catches the classic stale write: a holder whose first write comes after the next holder’s whole work', () => {
    const stale = [acquired('c1', 1), acquired('c2', 2), write('c2', 2), write('c2', 2), write('c2', 2), out('c2', { kind: 'released', lock: 'L' }), write('c1', 1)];
    const found = feed(mutualExclusionChecker, stale);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^c1 wrote \(token 1\) after c2.*Fencing tokens would turn it away/);
  });

  it('passes a stale holder whose write reaches the storage before the next holder’s first: the storage still sees one hold after the other', () => {
    expect(feed(mutualExclusionChecker, [acquired('c1', 1), acquired('c2', 2), write('c1', 1), write('c2', 2)])).toEqual([]);
  });

  it('judges by the order of acquisitions, not of tokens: a later hold with a lower token (RedLock) is not stale', () => {
    expect(feed(mutualExclusionChecker, [acquired('c1', 21), write('c1', 21), acquired('c2', 20), write('c2', 20)])).toEqual([]);
    const found = feed(mutualExclusionChecker, [acquired('c1', 21), acquired('c2', 20), write('c2', 20), write('c1', 21)]);
    expect(found[0]).toMatch(/Its token is above 20, so fencing need not turn it away/);
    const same = feed(mutualExclusionChecker, [acquired('c1', 1), acquired('c2', 1), write('c2', 1), write('c1', 1)]);
    expect(same[0]).toMatch(/Fencing tokens would turn it away: its token is not above 1, which the storage already accepted from another hold/);
  });

  it('ignores rejected writes: a fenced-off holder did no damage', () => {
    expect(feed(mutualExclusionChecker, [acquired('c1', 1), write('c1', 1), acquired('c2', 2), write('c2', 2), write('c1', 1, false)])).toEqual([]);
  });
});

describe('fencing-monotonic', () => {
  it('passes tokens going up, with repeats from the same hold', () => {
    expect(feed(fencingChecker, [write('c1', 1), write('c1', 1), write('c2', 2), write('c1', 1, false)])).toEqual([]);
  });

  it('catches an older token accepted, and the same token accepted from another holder', () => {
    expect(feed(fencingChecker, [write('c2', 2), write('c1', 1)])).toEqual(["the storage accepted c1's write with token 1, but token 2 was already accepted"]);
    expect(feed(fencingChecker, [write('c2', 2), write('c1', 2)])).toEqual(["the storage accepted c1's write with token 2, but the same token 2 was already accepted from c2#1"]);
  });
});

describe('own-value-only', () => {
  it('passes a client deleting and extending its own key', () => {
    expect(feed(ownValueChecker, [out('r1', { kind: 'extended', lock: 'L', value: 'v', owner: 'c1', by: 'c1', ttlMs: 500 }), out('r1', { kind: 'deleted', lock: 'L', value: 'v', owner: 'c1', by: 'c1', how: 'cad' })])).toEqual([]);
  });

  it('catches an unlock or a renewal acting on a key another client set', () => {
    expect(feed(ownValueChecker, [out('r1', { kind: 'deleted', lock: 'L', value: 'unique_value', owner: 'c2', by: 'c1', how: 'cad' })])).toEqual([
      'c1 deleted (cad) the lock c2 set on r1: both use the same value, so Redis cannot tell them apart',
    ]);
    expect(feed(ownValueChecker, [out('r1', { kind: 'extended', lock: 'L', value: 'unique_value', owner: 'c2', by: 'c1', ttlMs: 1000 })])).toHaveLength(1);
  });
});

describe('the lock labs’ checker set', () => {
  it('adds the fencing rule only when the storage checks tokens', () => {
    expect(lockCheckers(false).map((c) => c.rule)).toEqual(['mutual-exclusion', 'own-value-only']);
    expect(lockCheckers(true).map((c) => c.rule)).toEqual(['mutual-exclusion', 'own-value-only', 'fencing-monotonic']);
  });
});
