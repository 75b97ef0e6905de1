import { describe, expect, it } from 'vitest';
import { agreementChecker, applyOrderChecker, MULTI_PAXOS_VALIDITY, promiseKeptChecker, SINGLE_DECREE_VALIDITY, validityChecker } from '../../src/check/paxos';
import type { Checker } from '../../src/sim/checker';
import type { Json, JsonObject } from '../../src/sim/json';
import type { TraceEvent } from '../../src/sim/trace';

let seq = 0;
const out = (node: string, fact: JsonObject): TraceEvent => ({ t: seq, seq: ++seq, type: 'output', node, fact });
const crash = (node: string): TraceEvent => ({ t: seq, seq: ++seq, type: 'crash', node });

/** Feeds events to a checker; returns the violation details, in order. */
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

const accepted = (node: string, ballot: string, value: string | null, slot = 0) => out(node, { kind: 'accepted', slot, ballot, value });
const chosen = (node: string, ballot: string, value: string | null, slot = 0) => out(node, { kind: 'chosen', slot, ballot, value });

describe('one-value-per-slot', () => {
  const agreement = agreementChecker(5);

  it('passes one value chosen many times, in several ballots', () => {
    expect(feed(agreement, [accepted('n1', '1.n1', 'A'), accepted('n2', '1.n1', 'A'), accepted('n3', '1.n1', 'A'), chosen('n4', '1.n1', 'A'), accepted('n4', '2.n2', 'A'), chosen('n5', '2.n2', 'A')])).toEqual([]);
  });

  it('catches two values each accepted by a majority, though no learner learned either', () => {
    const found = feed(agreement, [accepted('n1', '1.n1', 'A'), accepted('n2', '1.n1', 'A'), accepted('n3', '1.n1', 'A'), accepted('n3', '2.n4', 'B'), accepted('n4', '2.n4', 'B'), accepted('n5', '2.n4', 'B')]);
    expect(found).toEqual(['slot 0: "B" accepted by a majority (n3, n4, n5) in 2.n4, but "A" was accepted by a majority (n1, n2, n3) in 1.n1']);
  });

  it('catches two learners learning different values, and counts each acceptor once', () => {
    expect(feed(agreement, [chosen('n1', '1.n1', 'A'), chosen('n2', '1.n2', 'B')])).toHaveLength(1);
    expect(feed(agreement, [chosen('n1', '1.n1', 'A'), accepted('n2', '1.n2', 'B'), accepted('n2', '1.n2', 'B'), accepted('n2', '1.n2', 'B')])).toEqual([]);
  });

  it('keeps slots apart', () => {
    expect(feed(agreement, [chosen('n1', '1.n1', 'A', 0), chosen('n1', '1.n1', 'B', 1)])).toEqual([]);
  });
});

describe('only-proposed-chosen', () => {
  const single = validityChecker(SINGLE_DECREE_VALIDITY);
  const multi = validityChecker(MULTI_PAXOS_VALIDITY);
  const invoke = (node: string, op: JsonObject): TraceEvent => ({ t: seq, seq: ++seq, type: 'invoke', node, opId: `op${seq}`, op });

  it('passes values clients asked for and, for Multi-Paxos, no-ops', () => {
    expect(feed(single, [invoke('n1', { op: 'propose', value: 'A' }), chosen('n2', '1.n1', 'A')])).toEqual([]);
    expect(feed(single, [invoke('n1', { op: 'propose', value: 7 }), chosen('n2', '1.n1', '7')])).toEqual([]);
    expect(feed(multi, [chosen('n2', '1.n1', null)])).toEqual([]);
  });

  it('catches a value nobody asked for, even when a node reports it as proposed, and a no-op in single-decree Paxos', () => {
    expect(feed(single, [invoke('n1', { op: 'propose', value: 'A' }), chosen('n2', '1.n1', 'Z')])).toEqual(['n2 learned "Z" for slot 0, which no client proposed']);
    expect(feed(single, [out('n1', { kind: 'proposed', value: 'Z', op: 'op1' }), chosen('n2', '1.n1', 'Z')])).toHaveLength(1);
    expect(feed(single, [chosen('n2', '1.n1', null)])).toHaveLength(1);
  });

  it('an operation without a value asks for the node’s default: its letter, and in Multi-Paxos the slot', () => {
    expect(feed(single, [invoke('n2', { op: 'propose' }), chosen('n1', '1.n2', 'B')])).toEqual([]);
    expect(feed(single, [invoke('n2', { op: 'propose' }), chosen('n1', '1.n2', 'C')])).toHaveLength(1);
    expect(feed(multi, [invoke('n3', { op: 'propose' }), chosen('n1', '2.n3', 'C4', 4)])).toEqual([]);
    expect(feed(multi, [invoke('n3', { op: 'propose' }), chosen('n1', '2.n3', 'C4', 5)])).toHaveLength(1);
    // A time-out is no proposal.
    expect(feed(multi, [invoke('n3', { op: 'timeout' }), chosen('n1', '2.n3', 'C4', 4)])).toHaveLength(1);
  });
});

describe('promise-kept', () => {
  it('passes accepts at or above the promise', () => {
    expect(feed(promiseKeptChecker, [out('n3', { kind: 'promised', ballot: '2.n1' }), accepted('n3', '2.n1', 'A'), accepted('n3', '3.n2', 'A')])).toEqual([]);
  });

  it('catches an accept below an earlier promise, even across a crash', () => {
    expect(feed(promiseKeptChecker, [out('n3', { kind: 'promised', ballot: '3.n2' }), crash('n3'), accepted('n3', '2.n1', 'A')])).toEqual(['n3 accepted 2.n1 in slot 0 after promising 3.n2']);
  });
});

describe('apply-in-order', () => {
  const applied = (node: string, slot: number) => out(node, { kind: 'applied', slot, value: 'x' });

  it('passes 0, 1, 2 and a restart from 0', () => {
    expect(feed(applyOrderChecker, [applied('n1', 0), applied('n1', 1), crash('n1'), applied('n1', 0), applied('n2', 0)])).toEqual([]);
  });

  it('catches a gap and a repeat', () => {
    expect(feed(applyOrderChecker, [applied('n1', 0), applied('n1', 2)])).toEqual(['n1 applied slot 2 when slot 1 was next']);
    expect(feed(applyOrderChecker, [applied('n1', 0), applied('n1', 0)])).toEqual(['n1 applied slot 0 when slot 1 was next']);
  });
});
