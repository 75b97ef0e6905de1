import { describe, expect, it } from 'vitest';
import type { RaftState } from '../../protocols/raft/types';
import type { NodeFrame } from '../../runtime/frame';
import { raftLogModel } from './logModel';

function node(id: string, s: Partial<RaftState>, status: NodeFrame['status'] = 'up'): NodeFrame {
  const state = { role: 'follower', term: 1, log: [], commitIndex: 0, lastApplied: 0, ...s };
  return { id, kind: 'raft', status, state: state as never, error: null, pausedUntil: null, localNow: 0, clockOffsetMs: 0, clockRate: 1, timers: [] };
}

const e = (term: number) => ({ term, cmd: { op: 'noop' as const } });

describe('raftLogModel', () => {
  const nodes = [
    node('n1', { role: 'leader', term: 2, log: [e(1), e(2), e(2)], commitIndex: 2, lastApplied: 1 }),
    node('n2', { term: 2, log: [e(1), e(2)], commitIndex: 2, lastApplied: 2 }),
    node('n3', { term: 2, log: [e(1)], commitIndex: 1, lastApplied: 1 }),
  ];
  const model = raftLogModel(nodes);

  it('marks the leader row and gives each row its commit and applied index', () => {
    expect(model.rows.map((r) => r.leader)).toEqual([true, false, false]);
    expect(model.rows[0]?.label).toBe('n1, leader, term 2, commit 2, applied 1');
    expect(model.hi).toBe(3);
    expect(model.colorKeys).toEqual([1, 2]);
  });

  it('names each cell by node, index, term, commitment and replication', () => {
    const leader = model.rows[0]!;
    expect(leader.cells.get(1)?.label).toBe('n1 index 1 term 1 committed applied');
    expect(leader.cells.get(2)?.label).toBe('n1 index 2 term 2 committed');
    expect(leader.cells.get(3)?.label).toBe('n1 index 3 term 2 not committed not on a majority');
    expect(leader.cells.get(2)?.onMajority).toBe(true);
  });

  it('says a killed node is down and never marks it leader', () => {
    const m = raftLogModel([node('n1', { role: 'leader', log: [e(1)] }, 'down')]);
    expect(m.rows[0]?.role).toBe('down');
    expect(m.rows[0]?.leader).toBe(false);
  });
});
