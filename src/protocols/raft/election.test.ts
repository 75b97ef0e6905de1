import { describe, expect, it } from 'vitest';
import { command, contextFor, deliver, facts, fire, firstIndexOf, sends, stepWith } from '../../../tests/raft/harness';
import { initialState } from './step';
import type { RaftState } from './types';

const fresh = (id: string, variant: string): RaftState => stepWith(undefined, { kind: 'start', persisted: null }, contextFor(id, variant)).state;

describe('start', () => {
  it('a fresh node is a follower of term 0 with an election timer', () => {
    const out = stepWith(undefined, { kind: 'start', persisted: null }, contextFor('n1', 'hardened'));
    expect(out.state).toMatchObject({ role: 'follower', term: 0, votedFor: null, log: [], commitIndex: 0 });
    expect(facts(out.effects)).toEqual([{ kind: 'role', role: 'follower', term: 0 }]);
    expect(out.effects).toContainEqual({ kind: 'setTimer', name: 'election', delayMs: 225 });
  });

  it('a restarted node has exactly its persisted term, vote and log, and nothing volatile', () => {
    const log = [{ term: 1, cmd: { op: 'put', key: 'x', value: '1' } }];
    const out = stepWith(undefined, { kind: 'start', persisted: { term: 3, votedFor: 'n2', log } }, contextFor('n1', 'hardened'));
    expect(out.state).toEqual({ ...initialState(null), term: 3, votedFor: 'n2', log });
  });
});

describe('article election (seed lines 75-132)', () => {
  it('raises its term and votes for itself without persisting either, then asks every peer', () => {
    const out = stepWith(fresh('n1', 'article'), fire('election'), contextFor('n1', 'article'));
    expect(out.state).toMatchObject({ role: 'candidate', term: 1, votedFor: 'n1' });
    expect(firstIndexOf(out.effects, 'persist')).toBe(-1);
    expect(sends(out.effects).map((s) => s.to)).toEqual(['n2', 'n3', 'n4', 'n5']);
    expect(out.state.counts).toEqual([{ term: 1, waiting: ['n2', 'n3', 'n4', 'n5'], granted: 1 }]);
    expect(out.effects).toContainEqual({ kind: 'setTimer', name: 'votes:1', delayMs: 500 });
  });

  it('waits for every peer: a majority of yes votes does not make it leader until the last answer', () => {
    const ctx = contextFor('n1', 'article');
    let s = stepWith(fresh('n1', 'article'), fire('election'), ctx).state;
    for (const voter of ['n2', 'n3']) s = stepWith(s, deliver(voter, { type: 'RequestVoteReply', term: 1, reqTerm: 1, granted: true }), ctx).state;
    expect(s.role).toBe('candidate');
    const out = stepWith(s, fire('votes:1'), ctx);
    expect(facts(out.effects, 'tally')).toEqual([{ kind: 'tally', term: 1, granted: 3, cluster: 5 }]);
    expect(out.state.role).toBe('leader');
  });

  it('counts an old election for the current term: the stale-vote bug', () => {
    const ctx = contextFor('n1', 'article');
    let s = stepWith(fresh('n1', 'article'), fire('election'), ctx).state;
    for (const voter of ['n2', 'n3']) s = stepWith(s, deliver(voter, { type: 'RequestVoteReply', term: 1, reqTerm: 1, granted: true }), ctx).state;
    s = stepWith(s, fire('election'), ctx).state;
    expect(s).toMatchObject({ role: 'candidate', term: 2 });
    const out = stepWith(s, fire('votes:1'), ctx);
    expect(out.state).toMatchObject({ role: 'leader', term: 2 });
    expect(facts(out.effects, 'leader')).toEqual([{ kind: 'leader', term: 2 }]);
  });

  it('never looks at the term of a vote reply', () => {
    const ctx = contextFor('n1', 'article');
    const s = stepWith(fresh('n1', 'article'), fire('election'), ctx).state;
    const out = stepWith(s, deliver('n2', { type: 'RequestVoteReply', term: 9, reqTerm: 1, granted: false }), ctx);
    expect(out.state).toMatchObject({ role: 'candidate', term: 1 });
  });
});

describe('hardened election', () => {
  it('asks for pre-votes first, without raising its term', () => {
    const out = stepWith(fresh('n1', 'hardened'), fire('election'), contextFor('n1', 'hardened'));
    expect(out.state).toMatchObject({ role: 'follower', term: 0, preVote: { term: 1 } });
    expect(sends(out.effects).every((s) => s.msg.type === 'PreVote' && s.msg.term === 1)).toBe(true);
    expect(facts(out.effects)).toEqual([{ kind: 'prevote', term: 1 }]);
  });

  it('becomes a candidate on a pre-vote majority, persisting term and vote before asking', () => {
    const ctx = contextFor('n1', 'hardened');
    let s = stepWith(fresh('n1', 'hardened'), fire('election'), ctx).state;
    s = stepWith(s, deliver('n2', { type: 'PreVoteReply', term: 1, reqTerm: 1, granted: true }), ctx).state;
    const out = stepWith(s, deliver('n3', { type: 'PreVoteReply', term: 1, reqTerm: 1, granted: true }), ctx);
    expect(out.state).toMatchObject({ role: 'candidate', term: 1, votedFor: 'n1' });
    const persisted = firstIndexOf(out.effects, 'persist');
    expect(persisted).toBeGreaterThanOrEqual(0);
    expect(persisted).toBeLessThan(firstIndexOf(out.effects, 'send'));
  });

  it('a candidate whose election times out asks for pre-votes again, as a follower of the same term', () => {
    const ctx = contextFor('n1', 'hardened');
    const candidate: RaftState = { ...fresh('n1', 'hardened'), role: 'candidate', term: 2, votedFor: 'n1', votes: { n1: true } };
    let s = stepWith(candidate, fire('election'), ctx).state;
    expect(s).toMatchObject({ role: 'follower', term: 2, votedFor: 'n1', preVote: { term: 3 } });
    for (const voter of ['n2', 'n3']) s = stepWith(s, deliver(voter, { type: 'PreVoteReply', term: 3, reqTerm: 3, granted: true }), ctx).state;
    expect(s).toMatchObject({ role: 'candidate', term: 3 });
  });

  it('counts each voter once and only for the current term', () => {
    const ctx = contextFor('n1', 'hardened');
    let s: RaftState = { ...fresh('n1', 'hardened'), role: 'candidate', term: 2, votedFor: 'n1', votes: { n1: true } };
    s = stepWith(s, deliver('n2', { type: 'RequestVoteReply', term: 2, reqTerm: 2, granted: true }), ctx).state;
    s = stepWith(s, deliver('n2', { type: 'RequestVoteReply', term: 2, reqTerm: 2, granted: true }), ctx).state;
    s = stepWith(s, deliver('n3', { type: 'RequestVoteReply', term: 1, reqTerm: 1, granted: true }), ctx).state;
    expect(s.role).toBe('candidate');
    s = stepWith(s, deliver('n4', { type: 'RequestVoteReply', term: 2, reqTerm: 2, granted: true }), ctx).state;
    expect(s.role).toBe('leader');
  });

  it('steps down on a vote reply of a higher term', () => {
    const ctx = contextFor('n1', 'hardened');
    const s: RaftState = { ...fresh('n1', 'hardened'), role: 'candidate', term: 2, votedFor: 'n1', votes: { n1: true } };
    const out = stepWith(s, deliver('n2', { type: 'RequestVoteReply', term: 5, reqTerm: 2, granted: false }), ctx);
    expect(out.state).toMatchObject({ role: 'follower', term: 5, votedFor: null });
  });

  it('ignores vote requests while it hears from its leader (lease), and grants pre-votes otherwise', () => {
    const follower: RaftState = { ...fresh('n2', 'hardened'), term: 3, leader: 'n1', leaderSeenAt: 1000 };
    const ask = deliver('n5', { type: 'PreVote', term: 4, lastLogIndex: 0, lastLogTerm: 0 });
    const inLease = stepWith(follower, ask, contextFor('n2', 'hardened', { now: 1100 }));
    expect(inLease.effects).toEqual([]);
    const later = stepWith(follower, ask, contextFor('n2', 'hardened', { now: 1200 }));
    expect(sends(later.effects)).toEqual([{ to: 'n5', msg: { type: 'PreVoteReply', term: 4, reqTerm: 4, granted: true } }]);
    expect(later.state.term).toBe(3);
  });
});

describe('voting (Figure 2, both variants)', () => {
  for (const variant of ['article', 'hardened']) {
    it(`${variant}: grants one vote per term and persists it before replying`, () => {
      const ctx = contextFor('n2', variant);
      const first = stepWith(fresh('n2', variant), deliver('n1', { type: 'RequestVote', term: 1, lastLogIndex: 0, lastLogTerm: 0 }), ctx);
      expect(first.state).toMatchObject({ term: 1, votedFor: 'n1' });
      expect(facts(first.effects, 'vote')).toEqual([{ kind: 'vote', term: 1, for: 'n1' }]);
      expect(firstIndexOf(first.effects, 'persist')).toBeLessThan(firstIndexOf(first.effects, 'send'));
      expect(sends(first.effects)).toEqual([{ to: 'n1', msg: { type: 'RequestVoteReply', term: 1, reqTerm: 1, granted: true } }]);
      const second = stepWith(first.state, deliver('n3', { type: 'RequestVote', term: 1, lastLogIndex: 5, lastLogTerm: 1 }), ctx);
      expect(sends(second.effects)[0]?.msg).toMatchObject({ granted: false });
    });

    it(`${variant}: refuses a candidate whose log is behind`, () => {
      const s: RaftState = { ...fresh('n2', variant), term: 2, log: [{ term: 2, cmd: { op: 'noop' } }] };
      const out = stepWith(s, deliver('n1', { type: 'RequestVote', term: 3, lastLogIndex: 4, lastLogTerm: 1 }), contextFor('n2', variant));
      expect(out.state).toMatchObject({ term: 3, votedFor: null });
      expect(sends(out.effects)[0]?.msg).toMatchObject({ granted: false, term: 3 });
    });
  }

  it('a forced timeout is a command the node understands', () => {
    const out = stepWith(fresh('n1', 'article'), command('op1', { op: 'timeout' }), contextFor('n1', 'article'));
    expect(out.state.role).toBe('candidate');
    expect(out.effects).toContainEqual({ kind: 'result', opId: 'op1', ok: true });
  });
});
