import { describe, expect, it } from 'vitest';
import { multiAcceptorProtocol, multiProposerProtocol } from '../../src/protocols/paxos/multi';
import { ctxFor, Driven, facts, sends, sentTypes } from './stepHarness';

const PEERS = ['n2', 'n3', 'n4', 'n5'];

function node(leads = true, options: Parameters<typeof ctxFor>[0] = {}) {
  const n = new Driven((leads ? multiProposerProtocol : multiAcceptorProtocol).step, ctxFor({ id: 'n1', peers: PEERS, ...options }));
  n.start();
  return n;
}

/** A node that campaigned with ballot 1.n1 and got promises from n2 and n3. */
function leader(reports: object[] = []) {
  const n = node();
  n.timer('election');
  n.msg('n2', { type: 'Promise', ballot: '1.n1', accepted: reports });
  n.msg('n3', { type: 'Promise', ballot: '1.n1', accepted: [] });
  return n;
}

describe('a Multi-Paxos proposer', () => {
  it('waits a random election timeout, then prepares every slot from its first unknown one', () => {
    const n = new Driven(multiProposerProtocol.step, ctxFor({ id: 'n1', peers: PEERS, randoms: [0.5] }));
    expect(n.start()).toContainEqual({ kind: 'setTimer', name: 'election', delayMs: 450 });
    const fx = n.timer('election');
    expect(facts(fx, 'role')).toEqual([{ kind: 'role', role: 'candidate', ballot: '1.n1' }]);
    expect(sends(fx).map((s) => s.msg)).toContainEqual({ type: 'Prepare', ballot: '1.n1', slot: 0 });
  });

  it('leads at a majority of promises and re-proposes reported values, filling gaps with no-ops', () => {
    const n = node();
    n.timer('election');
    n.msg('n2', { type: 'Promise', ballot: '1.n1', accepted: [{ slot: 2, ballot: '0.n4', value: 'z' }] });
    const fx = n.msg('n3', { type: 'Promise', ballot: '1.n1', accepted: [{ slot: 0, ballot: '0.n5', value: 'x' }] });
    expect(facts(fx, 'role')).toEqual([{ kind: 'role', role: 'leader', ballot: '1.n1' }]);
    const accepts = sends(fx).filter((s) => s.to === 'n2' && s.msg['type'] === 'Accept').map((s) => [s.msg['slot'], s.msg['value']]);
    expect(accepts).toEqual([
      [0, 'x'],
      [1, null],
      [2, 'z'],
    ]);
    expect(sentTypes(fx)).toContain('Heartbeat>n5');
    // It keeps the majority it leads with, for the state table to show.
    expect(n.state?.lead?.promises).toEqual(['n1', 'n2', 'n3']);
  });

  it('while it leads, a client command goes straight to phase 2 in the next slot', () => {
    const n = leader();
    const fx = n.command({ op: 'propose', value: 'v' });
    expect(sentTypes(fx)).toEqual(['Accept>n2', 'Accept>n3', 'Accept>n4', 'Accept>n5']);
    expect(sends(fx)[0]?.msg).toEqual({ type: 'Accept', ballot: '1.n1', slot: 0, value: 'v' });
    n.msg('n2', { type: 'Accepted', ballot: '1.n1', slot: 0 });
    const done = n.msg('n3', { type: 'Accepted', ballot: '1.n1', slot: 0 });
    expect(facts(done, 'chosen')).toEqual([{ kind: 'chosen', slot: 0, value: 'v', ballot: '1.n1' }]);
    expect(facts(done, 'applied')).toEqual([{ kind: 'applied', slot: 0, value: 'v' }]);
    expect(done).toContainEqual({ kind: 'result', opId: 'op1', ok: true, value: { slot: 0 } });
  });

  it('a node that does not lead refuses commands and names the leader it knows', () => {
    const n = node();
    n.msg('n3', { type: 'Heartbeat', ballot: '2.n3', chosenThrough: 0 });
    expect(n.command({ op: 'propose', value: 'v' })).toEqual([{ kind: 'result', opId: 'op1', ok: false, value: { notLeader: true, leader: 'n3' } }]);
    expect(node(false).command({ op: 'propose' })[0]).toMatchObject({ kind: 'result', ok: false });
  });

  it('steps down on a Nack, leaving commands in flight unanswered (the next leader may still choose them)', () => {
    const n = leader();
    n.command({ op: 'propose', value: 'v' });
    const fx = n.msg('n2', { type: 'Nack', ballot: '1.n1', slot: 0, promised: '5.n2' });
    expect(fx.filter((e) => e.kind === 'result')).toEqual([]);
    expect(facts(fx, 'role')).toEqual([{ kind: 'role', role: 'follower', ballot: '1.n1' }]);
    expect(facts(n.timer('election'), 'role')).toEqual([{ kind: 'role', role: 'candidate', ballot: '6.n1' }]);
  });

  it('answers a heartbeat from a leader older than its promise with a Nack', () => {
    const n = node(false);
    n.msg('n2', { type: 'Prepare', ballot: '3.n2', slot: 0 });
    expect(sends(n.msg('n3', { type: 'Heartbeat', ballot: '2.n3', chosenThrough: 0 }))).toEqual([{ to: 'n3', msg: { type: 'Nack', ballot: '2.n3', slot: -1, promised: '3.n2' } }]);
  });

  it('a learner behind the leader asks to catch up, and the leader answers from its log', () => {
    const n = node(false);
    expect(sends(n.msg('n3', { type: 'Heartbeat', ballot: '2.n3', chosenThrough: 2 }))).toEqual([{ to: 'n3', msg: { type: 'CatchUp', slot: 0 } }]);
    const l = leader();
    l.command({ op: 'propose', value: 'v' });
    l.msg('n2', { type: 'Accepted', ballot: '1.n1', slot: 0 });
    l.msg('n3', { type: 'Accepted', ballot: '1.n1', slot: 0 });
    expect(sends(l.msg('n4', { type: 'CatchUp', slot: 0 }))).toEqual([{ to: 'n4', msg: { type: 'Learn', slot: 0, value: 'v', ballot: '1.n1' } }]);
  });

  it('learners apply strictly in slot order, whatever order Learns arrive in', () => {
    const n = node(false);
    expect(facts(n.msg('n2', { type: 'Learn', slot: 1, value: 'b', ballot: '1.n2' }), 'applied')).toEqual([]);
    expect(facts(n.msg('n2', { type: 'Learn', slot: 2, value: 'c', ballot: '1.n2' }), 'applied')).toEqual([]);
    expect(facts(n.msg('n2', { type: 'Learn', slot: 0, value: 'a', ballot: '1.n2' }), 'applied').map((f) => f['slot'])).toEqual([0, 1, 2]);
  });

  it('its heartbeat resends Accepts to acceptors that have not answered', () => {
    const n = leader();
    n.command({ op: 'propose', value: 'v' });
    n.msg('n2', { type: 'Accepted', ballot: '1.n1', slot: 0 });
    expect(sentTypes(n.timer('heartbeat'))).toEqual(['Heartbeat>n2', 'Heartbeat>n3', 'Heartbeat>n4', 'Heartbeat>n5', 'Accept>n3', 'Accept>n4', 'Accept>n5']);
  });

  it('"timeout" makes a follower campaign at once', () => {
    const n = node();
    expect(facts(n.command({ op: 'timeout' }), 'role')).toEqual([{ kind: 'role', role: 'candidate', ballot: '1.n1' }]);
  });
});
