import { describe, expect, it } from 'vitest';
import type { NodeFrame } from '../../runtime/frame';
import { paxosStateModel } from './stateModel';
import { slotLogModel } from '../multi-paxos/slotLogModel';

function node(id: string, state: unknown, status: NodeFrame['status'] = 'up'): NodeFrame {
  return { id, kind: 'acceptor', status, state: state as never, error: null, pausedUntil: null, localNow: 0, clockOffsetMs: 0, clockRate: 1, timers: [] };
}

const roleOf = (n: NodeFrame) => (n.status === 'down' ? 'down' : 'acceptor');

describe('paxosStateModel', () => {
  const proposer = { phase: 'accept', ballot: '1.n1', promises: ['n1', 'n2', 'n3'], accepts: ['n1'], replied: null };
  const nodes = [
    node('n1', { acceptor: { promised: '1.n1', accepted: { 0: { ballot: '1.n1', value: 'A' } } }, proposer, learner: { chosen: { value: 'A', ballot: '1.n1' } } }),
    node('n2', { acceptor: { promised: '1.n1', accepted: {} }, proposer: null, learner: { chosen: null } }),
    node('n3', undefined, 'down'),
  ];
  const model = paxosStateModel(nodes, roleOf, true);

  it('shows each acceptor its promise and accepted proposal', () => {
    expect(model.rows.map((r) => [r.promised, r.accepted])).toEqual([
      ['1.n1', '1.n1 = "A"'],
      ['1.n1', '—'],
      ['—', '—'],
    ]);
  });

  it('counts the proposer promises and accepts against a majority quorum', () => {
    expect(model.quorum).toBe(2);
    expect(model.rows[0]?.proposer).toEqual({ phase: 'accept', waiting: '', ballot: '1.n1', promises: { n: 3, enough: true, note: '' }, accepts: { n: 1, enough: false, note: '' } });
    expect(model.rows[1]?.proposer).toBeNull();
  });

  it('the article proposer waiting for the last reply: a majority of promises is not enough yet', () => {
    const waiting = { phase: 'prepare', ballot: '1.n1', promises: ['n1', 'n2', 'n3', 'n4'], accepts: [], replied: ['n2', 'n3', 'n4'] };
    const idle = { acceptor: { promised: null, accepted: {} }, proposer: null, learner: { chosen: null } };
    const five = [node('n1', { ...idle, proposer: waiting }), ...['n2', 'n3', 'n4', 'n5'].map((id) => node(id, idle))];
    const row = paxosStateModel(five, roleOf, true).rows[0]?.proposer;
    expect(row?.waiting).toBe('replied 3 of 4');
    expect(row?.promises).toEqual({ n: 4, enough: false, note: '' });
  });

  it('collects the distinct values learned', () => {
    expect(model.chosen).toEqual(['"A"']);
    expect(model.conflicts).toEqual([]);
    expect(model.rows[2]?.down).toBe(true);
  });
});

describe('what the state table counts as chosen', () => {
  const acceptor = (accepted: Record<string, unknown>, chosen: unknown = null) => ({ acceptor: { promised: null, accepted }, proposer: null, learner: { chosen } });
  const a = (ballot: string, value: string) => ({ 0: { ballot, value } });

  it('a value a majority accepted in one ballot is chosen before any learner knows it', () => {
    const nodes = [node('n1', acceptor(a('1.n1', 'A'))), node('n2', acceptor(a('1.n1', 'A'))), node('n3', acceptor(a('1.n1', 'A'))), node('n4', acceptor({})), node('n5', acceptor({}))];
    expect(paxosStateModel(nodes, roleOf, true).chosen).toEqual(['"A"']);
  });

  it('a majority spread over two ballots is not (yet) a choice', () => {
    const nodes = [node('n1', acceptor(a('1.n1', 'A'))), node('n2', acceptor(a('1.n1', 'A'))), node('n3', acceptor(a('2.n2', 'A'))), node('n4', acceptor({})), node('n5', acceptor({}))];
    expect(paxosStateModel(nodes, roleOf, true).chosen).toEqual([]);
  });

  it('a value learned and another accepted by a majority are two choices, flagged as a conflict', () => {
    const learnedA = { value: 'A', ballot: '1.n1' };
    const nodes = [node('n1', acceptor(a('1.n1', 'A'), learnedA)), node('n2', acceptor(a('1.n2', 'B'))), node('n3', acceptor(a('1.n2', 'B'))), node('n4', acceptor(a('1.n1', 'A'), learnedA)), node('n5', acceptor(a('1.n2', 'B')))];
    const model = paxosStateModel(nodes, roleOf, true);
    expect(model.chosen).toEqual(['"A"', '"B"']);
    expect(model.conflicts).toEqual([{ slot: 0, values: ['"A"', '"B"'] }]);
  });
});

describe('a Multi-Paxos leader row', () => {
  const lead = (inflight: Record<string, unknown>) => ({ role: 'leader', ballot: '2.n1', promises: ['n1', 'n2', 'n3'], inflight });
  const leaderNode = (inflight: Record<string, unknown>) => node('n1', { acceptor: { promised: '2.n1', accepted: {} }, log: { chosen: {}, applied: 0 }, lead: lead(inflight), leader: 'n1', leaderBallot: '2.n1' });
  const follower = (id: string) => node(id, { acceptor: { promised: '2.n1', accepted: {} }, log: { chosen: {}, applied: 0 }, lead: null, leader: 'n1', leaderBallot: '2.n1' });

  it('shows the promises it leads with and the acks of its oldest slot in flight', () => {
    const inflight = { 5: { value: 'y', acks: ['n1'], opId: null }, 4: { value: 'x', acks: ['n1', 'n2'], opId: null } };
    const model = paxosStateModel([leaderNode(inflight), follower('n2'), follower('n3'), follower('n4'), follower('n5')], roleOf, false);
    expect(model.rows[0]?.proposer).toEqual({ phase: 'leader', waiting: '', ballot: '2.n1', promises: { n: 3, enough: true, note: '' }, accepts: { n: 2, enough: false, note: 'slot 4, 1 more in flight' } });
  });

  it('says so when nothing is in flight', () => {
    expect(paxosStateModel([leaderNode({})], roleOf, false).rows[0]?.proposer?.accepts).toBe('none in flight');
  });
});

describe('slotLogModel', () => {
  const multi = (chosen: Record<string, unknown>, accepted: Record<string, unknown>, applied: number, lead: unknown = null) => ({ acceptor: { promised: '2.n1', accepted }, log: { chosen, applied }, lead, leader: null, leaderBallot: null });
  const x = { value: 'x', ballot: '1.n1' };
  const noop = { value: null, ballot: '2.n1' };
  const nodes = [
    node('n1', multi({ 0: x, 1: noop }, { 0: x, 1: noop, 2: { value: 'yes', ballot: '2.n1' } }, 2, { role: 'leader' })),
    node('n2', multi({ 0: x }, { 0: x, 1: noop }, 1)),
    node('n3', multi({}, {}, 0)),
  ];
  const model = slotLogModel(nodes, roleOf);

  it('lays the slots out from 0 and marks the leader row', () => {
    expect(model.lo).toBe(0);
    expect(model.hi).toBe(2);
    expect(model.rows.map((r) => r.leader)).toEqual([true, false, false]);
    expect(model.rows[0]?.appliedIndex).toBe(1);
    expect(model.colorKeys).toEqual([1, 2]);
  });

  it('tells chosen from only accepted, and slots not on a majority', () => {
    const n1 = model.rows[0]!;
    expect(n1.cells.get(0)?.label).toBe('n1 slot 0 "x" ballot 1.n1 chosen');
    expect(n1.cells.get(1)?.text).toBe('·');
    expect(n1.cells.get(2)?.label).toBe('n1 slot 2 "yes" ballot 2.n1 accepted, not known chosen not on a majority');
    expect(model.rows[1]?.cells.get(1)?.committed).toBe(false);
  });
});
