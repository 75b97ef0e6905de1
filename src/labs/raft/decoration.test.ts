import { describe, expect, it } from 'vitest';
import type { RaftState } from '../../protocols/raft/types';
import type { NodeFrame } from '../../runtime/frame';
import { raftDecoration, votesGranted } from './decoration';

function node(s: Partial<RaftState>, timers: NodeFrame['timers'] = [], status: NodeFrame['status'] = 'up'): NodeFrame {
  const state = { role: 'follower', term: 2, log: [], votes: {}, counts: [], ...s };
  return { id: 'n1', kind: 'raft', status, state: state as never, error: null, pausedUntil: null, localNow: 0, clockOffsetMs: 0, clockRate: 1, timers };
}

describe('raftDecoration', () => {
  it('draws the election timer as the part of the longest timeout left', () => {
    const d = raftDecoration(node({}, [{ name: 'election', at: 1150 }]), 1000, 5, 300);
    expect(d?.arc).toBeCloseTo(0.5);
    expect(d?.line).toBeNull();
    expect(d?.description).toBe('election timer 150 ms left');
  });

  it('gives a candidate its votes against the majority, and a leader no timer', () => {
    const candidate = node({ role: 'candidate', votes: { n1: true, n2: true, n3: false } }, [{ name: 'election', at: 1100 }]);
    expect(raftDecoration(candidate, 1000, 5, 300)?.line).toBe('votes 2/3');
    expect(raftDecoration(node({ role: 'leader' }, [{ name: 'heartbeat', at: 1010 }]), 1000, 5, 300)?.arc).toBeNull();
  });

  it('counts the article tally of the current term', () => {
    const s = { role: 'candidate', term: 4, votes: {}, counts: [{ term: 3, waiting: [], granted: 3 }, { term: 4, waiting: ['n2'], granted: 2 }] } as unknown as RaftState;
    expect(votesGranted(s)).toBe(2);
  });

  it('decorates nothing on a node that is down', () => {
    expect(raftDecoration(node({}, [], 'down'), 0, 3, 300)).toBeNull();
  });
});
