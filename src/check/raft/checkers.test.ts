import { describe, expect, it } from 'vitest';
import { initialState, type Entry, type RaftState } from '../../protocols/raft';
import type { Checker, CheckView } from '../../sim/checker';
import type { Json, JsonObject } from '../../sim/json';
import type { TraceEvent } from '../../sim/trace';
import { commitBounds, electionSafety, leaderAppendOnly, leaderCompleteness, logMatching, oneVotePerTerm, stateMachineSafety, termMonotonic } from './index';

/** Feeds events to one checker, each with the node states given; returns the violations. */
class Feed {
  private state: Json;
  private seq = 0;
  readonly states: Record<string, RaftState> = {};
  readonly violations: string[] = [];

  constructor(private readonly checker: Checker) {
    this.state = checker.init();
  }

  private view(): CheckView {
    const nodes = Object.fromEntries(Object.entries(this.states).map(([id, state]) => [id, { id, kind: 'raft', status: 'up' as const, state: state as unknown as Json, persisted: {} }]));
    return { nodes };
  }

  event(body: Record<string, unknown>): this {
    const event = { t: this.seq, seq: ++this.seq, ...body } as unknown as TraceEvent;
    const seen = this.checker.observe(this.state, event, this.view());
    this.state = seen.state;
    if (seen.violation !== undefined) this.violations.push(`${seen.violation.nodes.join(',')}: ${seen.violation.detail}`);
    return this;
  }

  fact(node: string, fact: JsonObject): this {
    return this.event({ type: 'output', node, fact });
  }

  /** Sets a node's state and lets the checker look at it (as at a message it sends). */
  set(node: string, change: Partial<RaftState>): this {
    this.states[node] = { ...(this.states[node] ?? initialState(null)), ...change };
    return this.event({ type: 'send', from: node, to: 'nx', msgId: this.seq, msg: {} });
  }
}

const e = (term: number, value: string): Entry => ({ term, cmd: { op: 'put', key: 'x', value } });
const feed = (checker: unknown) => new Feed(checker as Checker);

describe('election-safety', () => {
  it('flags a second leader of a term, not the same leader reported twice', () => {
    const f = feed(electionSafety).fact('n1', { kind: 'leader', term: 2 }).fact('n1', { kind: 'leader', term: 2 }).fact('n2', { kind: 'leader', term: 3 });
    expect(f.violations).toEqual([]);
    f.fact('n3', { kind: 'leader', term: 2 });
    expect(f.violations).toEqual(['n1,n3: n1 and n3 both became leader of term 2']);
  });
});

describe('one-vote-per-term', () => {
  it('allows re-granting the same candidate and flags a second candidate', () => {
    const f = feed(oneVotePerTerm).fact('n1', { kind: 'vote', term: 1, for: 'n2' }).fact('n1', { kind: 'vote', term: 1, for: 'n2' }).fact('n1', { kind: 'vote', term: 2, for: 'n3' });
    expect(f.violations).toEqual([]);
    f.fact('n1', { kind: 'vote', term: 1, for: 'n1' });
    expect(f.violations).toEqual(['n1,n2: n1 voted for n2 and then for n1 in term 1']);
  });
});

describe('term-monotonic', () => {
  it('flags a term going down, and says when the node restarted', () => {
    const f = feed(termMonotonic).set('n1', { term: 3 }).set('n1', { term: 4 });
    expect(f.violations).toEqual([]);
    f.event({ type: 'restart', node: 'n1' }).set('n1', { term: 1 });
    expect(f.violations).toEqual(['n1: n1 is at term 1 after being at term 4 (it restarted since)']);
  });
});

describe('commit-bounds', () => {
  it('flags commitIndex past the log and lastApplied past commitIndex', () => {
    expect(feed(commitBounds).set('n1', { log: [e(1, 'a')], commitIndex: 1, lastApplied: 1 }).violations).toEqual([]);
    expect(feed(commitBounds).set('n1', { log: [e(1, 'a')], commitIndex: 2, lastApplied: 0 }).violations).toHaveLength(1);
    expect(feed(commitBounds).set('n1', { log: [e(1, 'a')], commitIndex: 0, lastApplied: 1 }).violations).toHaveLength(1);
  });
});

describe('state-machine-safety', () => {
  const apply = (index: number, cmd: string, term = 1) => ({ kind: 'apply', index, term, cmd });

  it('flags two nodes applying different commands at one index', () => {
    const f = feed(stateMachineSafety).fact('n1', apply(1, 'put x a')).fact('n2', apply(1, 'put x a'));
    expect(f.violations).toEqual([]);
    f.fact('n2', apply(2, 'put x b')).fact('n3', apply(1, 'put x a')).fact('n3', apply(2, 'put x c'));
    expect(f.violations).toEqual(['n2,n3: at index 2, n2 applied "put x b" (term 1) and n3 applied "put x c" (term 1)']);
  });

  it('flags applying out of order, and starts again from 1 after a restart', () => {
    const f = feed(stateMachineSafety).fact('n1', apply(1, 'a')).fact('n1', apply(2, 'b')).event({ type: 'restart', node: 'n1' }).fact('n1', apply(1, 'a'));
    expect(f.violations).toEqual([]);
    f.fact('n1', apply(3, 'c'));
    expect(f.violations).toEqual(['n1: n1 applied index 3 where 2 came next']);
  });
});

describe('log-matching', () => {
  it('accepts logs that agree, shrink and grow again', () => {
    const f = feed(logMatching).set('n1', { log: [e(1, 'a'), e(1, 'b')] }).set('n2', { log: [e(1, 'a')] }).set('n2', { log: [e(1, 'a'), e(1, 'b'), e(2, 'c')] });
    f.set('n1', { log: [e(1, 'a'), e(3, 'd')] }).set('n2', { log: [e(1, 'a'), e(3, 'd')] });
    expect(f.violations).toEqual([]);
  });

  it('flags the same index and term over different prefixes', () => {
    const f = feed(logMatching).set('n1', { log: [e(1, 'a'), e(2, 'b')] }).set('n2', { log: [e(1, 'z'), e(2, 'b')] });
    expect(f.violations).toEqual(['n1,n2: n1 and n2 both hold an entry of term 1 at index 1, but their logs differ up to it']);
  });

  it('flags two entries of one term at one index', () => {
    const f = feed(logMatching).set('n1', { log: [e(2, 'a')] }).set('n2', { log: [e(2, 'b')] });
    expect(f.violations).toHaveLength(1);
  });
});

describe('leader-append-only', () => {
  it('lets a leader append and a follower truncate', () => {
    const f = feed(leaderAppendOnly).set('n1', { role: 'leader', term: 2, log: [e(1, 'a')] }).set('n1', { log: [e(1, 'a'), e(2, 'b')] });
    f.set('n2', { role: 'follower', term: 2, log: [e(1, 'a'), e(1, 'x')] }).set('n2', { log: [e(1, 'a')] });
    expect(f.violations).toEqual([]);
  });

  it('flags a leader whose log loses or changes an entry in its term', () => {
    const f = feed(leaderAppendOnly).set('n1', { role: 'leader', term: 2, log: [e(1, 'a'), e(2, 'b')] }).set('n1', { log: [e(1, 'a'), e(2, 'c')] });
    expect(f.violations).toEqual(['n1: n1, leader of term 2, changed its log from index 2 (it had 2 entries, now 2)']);
  });

  it('does not hold a new term against an old one', () => {
    const f = feed(leaderAppendOnly).set('n1', { role: 'leader', term: 2, log: [e(1, 'a'), e(2, 'b')] }).set('n1', { role: 'follower', term: 3, log: [e(1, 'a')] });
    f.set('n1', { role: 'leader', term: 4, log: [e(1, 'a'), e(4, 'c')] });
    expect(f.violations).toEqual([]);
  });
});

describe('leader-completeness', () => {
  it('flags a leader of a later term that lacks a committed entry', () => {
    const f = feed(leaderCompleteness).set('n1', { log: [e(1, 'a'), e(2, 'b')] }).fact('n1', { kind: 'commit', index: 2, term: 2 });
    f.set('n2', { log: [e(1, 'a'), e(2, 'b'), e(3, 'c')] }).fact('n2', { kind: 'leader', term: 3 });
    expect(f.violations).toEqual([]);
    f.set('n3', { log: [e(1, 'a')] }).fact('n3', { kind: 'leader', term: 4 });
    expect(f.violations).toEqual(['n3,n1: n3 leads term 4 but lacks the entry at index 2 that n1 committed in term 2']);
  });

  it('flags a commit learned late that a leader of a later term does not hold', () => {
    const f = feed(leaderCompleteness).set('n2', { role: 'leader', term: 5, log: [e(1, 'a')] }).fact('n2', { kind: 'leader', term: 5 });
    f.set('n1', { log: [e(1, 'a'), e(2, 'b')] }).fact('n1', { kind: 'commit', index: 2, term: 2 });
    expect(f.violations).toEqual(['n2,n1: n2 leads term 5 but lacks the entry at index 2 that n1 committed in term 2']);
  });
});
