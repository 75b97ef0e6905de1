import { describe, expect, it } from 'vitest';
import { acceptorProtocol, proposerProtocol } from '../../src/protocols/paxos';
import { ctxFor, Driven, facts, kinds, sends, sentTypes } from './stepHarness';

const PEERS = ['n2', 'n3', 'n4', 'n5'];

function proposer(options: Parameters<typeof ctxFor>[0] = {}) {
  const node = new Driven(proposerProtocol.step, ctxFor({ id: 'n1', peers: PEERS, ...options }));
  node.start();
  return node;
}

const promiseFrom = <S>(p: Driven<S>, from: string, ballot: string, accepted: object[] = []) => p.msg(from, { type: 'Promise', ballot, accepted });

describe('the hardened proposer', () => {
  it('persists its round, promises to itself, prepares everyone and sets a phase timeout', () => {
    const p = proposer();
    const fx = p.command({ op: 'propose', value: 'A' });
    expect(fx.find((e) => e.kind === 'persist' && e.key === 'round')).toEqual({ kind: 'persist', key: 'round', value: 1 });
    expect(facts(fx, 'phase')).toEqual([{ kind: 'phase', phase: 'prepare', ballot: '1.n1' }]);
    expect(facts(fx, 'promised')).toEqual([{ kind: 'promised', ballot: '1.n1' }]);
    expect(sentTypes(fx)).toEqual(['Prepare>n2', 'Prepare>n3', 'Prepare>n4', 'Prepare>n5']);
    expect(fx.at(-1)).toEqual({ kind: 'setTimer', name: 'phase', delayMs: 100 });
    // The persist of its own promise comes before any Prepare leaves.
    expect(kinds(fx).indexOf('persist')).toBeLessThan(kinds(fx).indexOf('send'));
  });

  it('moves to phase 2 at a majority, adopting the highest-numbered value reported', () => {
    const p = proposer();
    p.command({ op: 'propose', value: 'A' });
    expect(sends(promiseFrom(p, 'n2', '1.n1', [{ slot: 0, ballot: '0.n4', value: 'old' }]))).toEqual([]);
    const fx = promiseFrom(p, 'n3', '1.n1', [{ slot: 0, ballot: '0.n5', value: 'B' }]);
    expect(facts(fx, 'phase')).toEqual([{ kind: 'phase', phase: 'accept', ballot: '1.n1', value: 'B', adopted: true }]);
    expect(sends(fx).map((s) => s.msg)).toContainEqual({ type: 'Accept', ballot: '1.n1', slot: 0, value: 'B' });
  });

  it('counts each acceptor once, so a duplicated promise is no majority', () => {
    const p = proposer();
    p.command({ op: 'propose', value: 'A' });
    promiseFrom(p, 'n2', '1.n1');
    expect(sends(promiseFrom(p, 'n2', '1.n1'))).toEqual([]);
    expect(p.state?.proposer?.phase).toBe('prepare');
  });

  it('on a majority of Accepted it learns the value, tells every learner and answers its client', () => {
    const p = proposer();
    p.command({ op: 'propose', value: 'A' });
    promiseFrom(p, 'n2', '1.n1');
    promiseFrom(p, 'n3', '1.n1');
    p.msg('n2', { type: 'Accepted', ballot: '1.n1', slot: 0 });
    const fx = p.msg('n4', { type: 'Accepted', ballot: '1.n1', slot: 0 });
    expect(facts(fx, 'chosen')).toEqual([{ kind: 'chosen', slot: 0, value: 'A', ballot: '1.n1' }]);
    expect(sentTypes(fx)).toEqual(['Learn>n2', 'Learn>n3', 'Learn>n4', 'Learn>n5']);
    expect(fx).toContainEqual({ kind: 'result', opId: 'op1', ok: true, value: 'A' });
  });

  it('a Nack makes it back off a random time and jump past the promised round', () => {
    const p = proposer({ randoms: [0.25] });
    p.command({ op: 'propose', value: 'A' });
    const fx = p.msg('n2', { type: 'Nack', ballot: '1.n1', slot: 0, promised: '7.n3' });
    expect(facts(fx, 'phase')).toEqual([{ kind: 'phase', phase: 'backoff', ballot: '1.n1', retryInMs: 10 }]);
    expect(fx).toContainEqual({ kind: 'setTimer', name: 'retry', delayMs: 10 });
    expect(facts(p.timer('retry'), 'phase')).toEqual([{ kind: 'phase', phase: 'prepare', ballot: '8.n1' }]);
  });

  it('with backoff "none" it retries at once', () => {
    const p = proposer({ params: { backoff: 'none' } });
    p.command({ op: 'propose', value: 'A' });
    expect(p.msg('n2', { type: 'Nack', ballot: '1.n1', slot: 0, promised: '2.n2' })).toContainEqual({ kind: 'setTimer', name: 'retry', delayMs: 0 });
  });

  it('gives its round up when its own acceptor promises a rival a higher ballot', () => {
    const p = proposer();
    p.command({ op: 'propose', value: 'A' });
    const fx = p.msg('n2', { type: 'Prepare', ballot: '1.n2', slot: 0 });
    expect(sends(fx)[0]?.msg).toEqual({ type: 'Promise', ballot: '1.n2', accepted: [] });
    expect(p.state?.proposer?.phase).toBe('backoff');
  });

  it('ignores replies to an older ballot, and a phase timeout fails the round', () => {
    const p = proposer();
    p.command({ op: 'propose', value: 'A' });
    p.msg('n2', { type: 'Nack', ballot: '1.n1', slot: 0, promised: '1.n2' });
    p.timer('retry');
    expect(sends(promiseFrom(p, 'n3', '1.n1'))).toEqual([]);
    p.timer('phase');
    expect(p.state?.proposer?.phase).toBe('backoff');
  });

  it('stops when it learns a chosen value mid-round and answers its client with it', () => {
    const p = proposer();
    p.command({ op: 'propose', value: 'A' });
    const fx = p.msg('n2', { type: 'Learn', slot: 0, value: 'B', ballot: '4.n2' });
    expect(fx).toContainEqual({ kind: 'result', opId: 'op1', ok: true, value: 'B' });
    expect(p.state?.proposer?.phase).toBe('done');
  });

  it('after a restart it never reuses a round', () => {
    const p = proposer();
    p.command({ op: 'propose', value: 'A' });
    p.restart();
    expect(facts(p.command({ op: 'propose', value: 'C' }, 'op2'), 'phase')).toEqual([{ kind: 'phase', phase: 'prepare', ballot: '2.n1' }]);
  });

  it('the built-in client proposes the node’s own value as an invoked operation', () => {
    const p = proposer({ params: { autoProposeMs: 1000 } });
    const fx = p.timer('propose');
    expect(fx[0]).toEqual({ kind: 'invoke', opId: 'n1.r1', op: { op: 'propose', value: 'A' } });
    expect(facts(fx, 'proposed')).toEqual([{ kind: 'proposed', value: 'A', op: 'n1.r1' }]);
  });

  it('refuses unknown operations, and an acceptor-only node refuses to propose', () => {
    const p = proposer();
    expect(p.command({ op: 'nope' })).toEqual([{ kind: 'result', opId: 'op1', ok: false, value: 'unknown op "nope"; try {"op":"propose","value":"A"}' }]);
    const acceptorOnly = new Driven(acceptorProtocol.step, ctxFor({ id: 'n4', peers: ['n1', 'n2', 'n3', 'n5'] }));
    acceptorOnly.start();
    expect(acceptorOnly.command({ op: 'propose', value: 'A' })).toEqual([{ kind: 'result', opId: 'op1', ok: false, value: 'n4 is not a proposer' }]);
    expect(acceptorOnly.state?.proposer).toBeNull();
  });
});

describe('the article proposer (seed lines 285-356)', () => {
  const article = () => proposer({ variant: 'article' });

  it('counts itself as a promise without asking its own acceptor, and sets no timeout', () => {
    const p = article();
    const fx = p.command({ op: 'propose', value: 'A' });
    expect(facts(fx, 'promised')).toEqual([]);
    expect(kinds(fx)).not.toContain('setTimer');
    expect(p.state?.proposer?.promises).toEqual(['n1']);
    expect(p.state?.acceptor.promised).toBeNull();
  });

  it('waits for a reply from every other node, even with a majority in hand', () => {
    const p = article();
    p.command({ op: 'propose', value: 'A' });
    promiseFrom(p, 'n2', '1.n1');
    promiseFrom(p, 'n3', '1.n1');
    expect(sends(promiseFrom(p, 'n4', '1.n1'))).toEqual([]);
    expect(p.state?.proposer?.phase).toBe('prepare');
    const fx = p.msg('n5', { type: 'Nack', ballot: '1.n1', slot: 0 });
    expect(sentTypes(fx)).toEqual(['Accept>n2', 'Accept>n3', 'Accept>n4', 'Accept>n5']);
  });

  it('holds its lock for the whole round: a rival’s Prepare waits until the round ends', () => {
    const p = article();
    p.command({ op: 'propose', value: 'A' });
    expect(p.msg('n2', { type: 'Prepare', ballot: '1.n2', slot: 0 })).toEqual([]);
    for (const n of PEERS) promiseFrom(p, n, '1.n1');
    for (const n of ['n2', 'n3', 'n4']) p.msg(n, { type: 'Accepted', ballot: '1.n1', slot: 0 });
    const fx = p.msg('n5', { type: 'Accepted', ballot: '1.n1', slot: 0 });
    expect(facts(fx, 'chosen')).toEqual([{ kind: 'chosen', slot: 0, value: 'A', ballot: '1.n1' }]);
    // Only now is the waiting Prepare answered (after the Learns).
    expect(sends(fx).at(-1)).toEqual({ to: 'n2', msg: { type: 'Promise', ballot: '1.n2', accepted: [] } });
  });

  it('fails a round without a majority and retries at once, one round higher, without jumping', () => {
    const p = article();
    p.command({ op: 'propose', value: 'A' });
    for (const n of PEERS) p.msg(n, { type: 'Nack', ballot: '1.n1', slot: 0 });
    expect(p.effects).toContainEqual({ kind: 'setTimer', name: 'retry', delayMs: 0 });
    expect(facts(p.timer('retry'), 'phase')).toEqual([{ kind: 'phase', phase: 'prepare', ballot: '2.n1' }]);
  });

  it('a second proposal waits for the lock and runs after the first', () => {
    const p = article();
    p.command({ op: 'propose', value: 'A' });
    expect(p.command({ op: 'propose', value: 'B' }, 'op2').filter((e) => e.kind === 'send')).toEqual([]);
    for (const n of PEERS) promiseFrom(p, n, '1.n1');
    for (const n of PEERS) p.msg(n, { type: 'Accepted', ballot: '1.n1', slot: 0 });
    expect(facts(p.effects, 'phase').map((f) => f['phase'])).toEqual(['done', 'prepare']);
  });
});
