import { describe, expect, it } from 'vitest';
import { command, contextFor, deliver, facts, fire, firstIndexOf, results, sends, stepWith } from '../../../tests/raft/harness';
import { initialState } from './step';
import type { AppendEntries, Entry, RaftState } from './types';

const put = (term: number, key: string, value: string): Entry => ({ term, cmd: { op: 'put', key, value } });

function leaderOf(_variant: string, log: Entry[], term: number, peers = ['n2', 'n3', 'n4', 'n5']): RaftState {
  const next = log.length + 1;
  return {
    ...initialState(null),
    role: 'leader',
    term,
    votedFor: 'n1',
    leader: 'n1',
    log,
    nextIndex: Object.fromEntries(peers.map((p) => [p, next])),
    matchIndex: Object.fromEntries(peers.map((p) => [p, 0])),
  };
}

const append = (m: Partial<AppendEntries>): AppendEntries => ({ type: 'AppendEntries', term: 2, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0, ...m });

describe('AppendEntries receiver (Figure 2)', () => {
  for (const variant of ['article', 'hardened']) {
    it(`${variant}: appends, persists before replying, and commits up to the last new entry`, () => {
      const s: RaftState = { ...initialState(null), term: 2 };
      const out = stepWith(s, deliver('n1', append({ entries: [put(1, 'x', '1'), put(2, 'y', '2')], leaderCommit: 5 })), contextFor('n2', variant));
      expect(out.state.log).toHaveLength(2);
      expect(out.state).toMatchObject({ commitIndex: 2, lastApplied: 2, kv: { x: '1', y: '2' }, leader: 'n1' });
      expect(firstIndexOf(out.effects, 'persist')).toBeLessThan(firstIndexOf(out.effects, 'send'));
      expect(facts(out.effects, 'apply')).toEqual([
        { kind: 'apply', index: 1, term: 1, cmd: 'put x 1' },
        { kind: 'apply', index: 2, term: 2, cmd: 'put y 2' },
      ]);
      expect(sends(out.effects)[0]?.msg).toMatchObject({ type: 'AppendEntriesReply', success: true, prevLogIndex: 0, count: 2 });
    });

    it(`${variant}: cuts a conflicting suffix but never shortens on a late, matching request`, () => {
      const s: RaftState = { ...initialState(null), term: 3, log: [put(1, 'a', '1'), put(2, 'b', '2'), put(2, 'c', '3')] };
      const late = stepWith(s, deliver('n1', append({ term: 3, entries: [put(1, 'a', '1')] })), contextFor('n2', variant));
      expect(late.state.log).toBe(s.log);
      const conflict = stepWith(s, deliver('n1', append({ term: 3, prevLogIndex: 1, prevLogTerm: 1, entries: [put(3, 'd', '4')] })), contextFor('n2', variant));
      expect(conflict.state.log.map((e) => e.term)).toEqual([1, 3]);
    });
  }

  it('article rejects a mismatch without a hint; hardened says where its log stops agreeing', () => {
    const s: RaftState = { ...initialState(null), term: 3, log: [put(1, 'a', '1'), put(2, 'b', '2'), put(2, 'c', '3')] };
    const probe = deliver('n1', append({ term: 3, prevLogIndex: 3, prevLogTerm: 3 }));
    const article = sends(stepWith(s, probe, contextFor('n2', 'article')).effects)[0]?.msg;
    expect(article).toEqual({ type: 'AppendEntriesReply', term: 3, reqTerm: 3, success: false, prevLogIndex: 3, count: 0 });
    const hardened = sends(stepWith(s, probe, contextFor('n2', 'hardened')).effects)[0]?.msg;
    expect(hardened).toMatchObject({ success: false, conflictTerm: 2, conflictIndex: 2 });
    const short = sends(stepWith(s, deliver('n1', append({ term: 3, prevLogIndex: 9, prevLogTerm: 3 })), contextFor('n2', 'hardened')).effects)[0]?.msg;
    expect(short).toMatchObject({ success: false, conflictTerm: 0, conflictIndex: 4 });
  });

  it('answers a stale leader with its term so it steps down', () => {
    const s: RaftState = { ...initialState(null), term: 5 };
    const out = stepWith(s, deliver('n1', append({ term: 2 })), contextFor('n2', 'article'));
    expect(sends(out.effects)[0]?.msg).toMatchObject({ success: false, term: 5, reqTerm: 2 });
    const leader = stepWith(leaderOf('article', [], 2), deliver('n2', { type: 'AppendEntriesReply', term: 5, reqTerm: 2, success: false, prevLogIndex: 0, count: 0 }), contextFor('n1', 'article'));
    expect(leader.state).toMatchObject({ role: 'follower', term: 5 });
  });
});

describe('leader: nextIndex after a rejection', () => {
  const log = [put(1, 'a', '1'), put(1, 'b', '2'), put(1, 'c', '3'), put(2, 'd', '4'), put(2, 'e', '5')];
  const reject = { type: 'AppendEntriesReply', term: 2, reqTerm: 2, success: false, prevLogIndex: 5, count: 0 } as const;

  it('article steps back one index per rejection and waits for the next heartbeat (seed line 228)', () => {
    const out = stepWith(leaderOf('article', log, 2), deliver('n5', reject), contextFor('n1', 'article'));
    expect(out.state.nextIndex['n5']).toBe(5);
    expect(sends(out.effects)).toEqual([]);
    expect(facts(out.effects, 'next')).toEqual([{ kind: 'next', peer: 'n5', index: 5 }]);
  });

  it('hardened jumps by the conflict hint and probes again at once', () => {
    const out = stepWith(leaderOf('hardened', log, 2), deliver('n5', { ...reject, conflictIndex: 2, conflictTerm: 0 }), contextFor('n1', 'hardened'));
    expect(out.state.nextIndex['n5']).toBe(2);
    expect(sends(out.effects)[0]).toMatchObject({ to: 'n5', msg: { type: 'AppendEntries', prevLogIndex: 1, entries: log.slice(1) } });
    const byTerm = stepWith(leaderOf('hardened', log, 2), deliver('n5', { ...reject, conflictIndex: 2, conflictTerm: 1 }), contextFor('n1', 'hardened'));
    expect(byTerm.state.nextIndex['n5']).toBe(4);
  });

  it('hardened ignores a rejection of an older probe', () => {
    const s = { ...leaderOf('hardened', log, 2), nextIndex: { n2: 6, n3: 6, n4: 6, n5: 3 } };
    const out = stepWith(s, deliver('n5', { ...reject, conflictIndex: 1, conflictTerm: 0 }), contextFor('n1', 'hardened'));
    expect(out.state.nextIndex['n5']).toBe(3);
  });
});

describe('commit and apply', () => {
  it('commits an entry of the current term once a majority stores it, and answers the client', () => {
    const ctx = contextFor('n1', 'hardened');
    let s = leaderOf('hardened', [], 2);
    s = stepWith(s, command('op1', { op: 'put', key: 'x', value: '7' }), ctx).state;
    const ok = { type: 'AppendEntriesReply', term: 2, reqTerm: 2, success: true, prevLogIndex: 0, count: 1 } as const;
    s = stepWith(s, deliver('n2', ok), ctx).state;
    expect(s.commitIndex).toBe(0);
    const out = stepWith(s, deliver('n3', ok), ctx);
    expect(out.state).toMatchObject({ commitIndex: 1, lastApplied: 1, kv: { x: '7' }, pending: [] });
    expect(results(out.effects)).toEqual([{ opId: 'op1', ok: true }]);
    expect(facts(out.effects, 'commit')).toEqual([{ kind: 'commit', index: 1, term: 2 }]);
  });

  for (const variant of ['article', 'hardened']) {
    it(`${variant}: never commits an entry of an earlier term by counting replicas (Figure 8, seed line 241)`, () => {
      const ctx = contextFor('n1', variant);
      let s = leaderOf(variant, [put(2, 'x', '1')], 4);
      const ok = { type: 'AppendEntriesReply', term: 4, reqTerm: 4, success: true, prevLogIndex: 0, count: 1 } as const;
      for (const peer of ['n2', 'n3', 'n4', 'n5']) s = stepWith(s, deliver(peer, ok), ctx).state;
      expect(s.commitIndex).toBe(0);
    });
  }

  it('a get goes through the log and answers with the value applied before it', () => {
    const ctx = contextFor('n1', 'article', { nodes: 3 });
    let s = leaderOf('article', [put(1, 'x', '5')], 1, ['n2', 'n3']);
    s = stepWith(s, command('op2', { op: 'get', key: 'x' }), ctx).state;
    const out = stepWith(s, deliver('n2', { type: 'AppendEntriesReply', term: 1, reqTerm: 1, success: true, prevLogIndex: 0, count: 2 }), ctx);
    expect(results(out.effects)).toEqual([{ opId: 'op2', ok: true, value: '5' }]);
  });

  it('a follower answers a client with the leader it knows', () => {
    const s: RaftState = { ...initialState(null), term: 2, leader: 'n3' };
    const out = stepWith(s, command('op1', { op: 'put' }), contextFor('n1', 'hardened'));
    expect(results(out.effects)).toEqual([{ opId: 'op1', ok: false, value: { notLeader: true, leader: 'n3' } }]);
  });

  it('a bare put gets a made-up key and value from its operation id', () => {
    const out = stepWith(leaderOf('hardened', [], 1), command('op7', { op: 'put' }), contextFor('n1', 'hardened'));
    expect(out.state.log.at(-1)?.cmd).toEqual({ op: 'put', key: 'y', value: '7', id: 'op7' });
  });
});

describe('leader timers', () => {
  it('a new hardened leader appends a no-op of its term and sends it at once', () => {
    const s: RaftState = { ...initialState(null), role: 'candidate', term: 3, votedFor: 'n1', votes: { n1: true, n2: true } };
    const out = stepWith(s, deliver('n3', { type: 'RequestVoteReply', term: 3, reqTerm: 3, granted: true }), contextFor('n1', 'hardened'));
    expect(out.state.log).toEqual([{ term: 3, cmd: { op: 'noop' } }]);
    expect(sends(out.effects).filter((m) => m.msg.type === 'AppendEntries')).toHaveLength(4);
  });

  it('hardened CheckQuorum: a leader that heard from no majority steps down', () => {
    const ctx = contextFor('n1', 'hardened');
    const s = { ...leaderOf('hardened', [], 2), active: { n2: true } };
    expect(stepWith(s, fire('checkQuorum'), ctx).state.role).toBe('follower');
    const heard = { ...s, active: { n2: true, n3: true } };
    expect(stepWith(heard, fire('checkQuorum'), ctx).state).toMatchObject({ role: 'leader', active: {} });
  });

  it('the built-in client invokes a put at the leader and re-arms', () => {
    const out = stepWith(leaderOf('article', [], 1), fire('client'), contextFor('n1', 'article'));
    expect(out.effects[0]).toEqual({ kind: 'invoke', opId: 'n1.1.1', op: { op: 'put', key: 'y', value: '1.1' } });
    expect(out.state.pending).toEqual(['n1.1.1']);
    expect(out.effects).toContainEqual({ kind: 'setTimer', name: 'client', delayMs: 200 });
  });
});
