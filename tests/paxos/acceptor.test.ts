import { describe, expect, it } from 'vitest';
import { compareBallots, maxBallot } from '../../src/protocols/paxos/ballot';
import { acceptorProtocol } from '../../src/protocols/paxos';
import { ctxFor, Driven, facts, kinds, sends } from './stepHarness';

describe('ballots', () => {
  it('order by round, then by node id with n9 below n10', () => {
    expect(compareBallots('2.n1', '1.n9')).toBeGreaterThan(0);
    expect(compareBallots('3.n9', '3.n10')).toBeLessThan(0);
    expect(compareBallots('3.n2', '3.n2')).toBe(0);
    expect(compareBallots(null, '1.n1')).toBeLessThan(0);
    expect(maxBallot('4.n1', '3.n5')).toBe('4.n1');
  });
});

function acceptor(options: Parameters<typeof ctxFor>[0] = {}) {
  const node = new Driven(acceptorProtocol.step, ctxFor({ id: 'n3', peers: ['n1', 'n2', 'n4', 'n5'], ...options }));
  node.start();
  return node;
}

describe('the acceptor', () => {
  it('persists its promise before it replies, and reports it', () => {
    const a = acceptor();
    const fx = a.msg('n1', { type: 'Prepare', ballot: '3.n1', slot: 0 });
    expect(kinds(fx)).toEqual(['persist', 'output', 'send']);
    expect(fx[0]).toEqual({ kind: 'persist', key: 'promised', value: '3.n1' });
    expect(facts(fx)).toEqual([{ kind: 'promised', ballot: '3.n1' }]);
    expect(sends(fx)).toEqual([{ to: 'n1', msg: { type: 'Promise', ballot: '3.n1', accepted: [] } }]);
  });

  it('refuses a lower prepare with the ballot it promised (hardened) or a bare no (article)', () => {
    const hardened = acceptor();
    hardened.msg('n2', { type: 'Prepare', ballot: '3.n2', slot: 0 });
    expect(sends(hardened.msg('n1', { type: 'Prepare', ballot: '2.n1', slot: 0 }))).toEqual([{ to: 'n1', msg: { type: 'Nack', ballot: '2.n1', slot: 0, promised: '3.n2' } }]);
    const article = acceptor({ variant: 'article' });
    article.msg('n2', { type: 'Prepare', ballot: '3.n2', slot: 0 });
    expect(sends(article.msg('n1', { type: 'Prepare', ballot: '2.n1', slot: 0 }))).toEqual([{ to: 'n1', msg: { type: 'Nack', ballot: '2.n1', slot: 0 } }]);
  });

  it('accepts at or above its promise, persisting first, and reports what it accepted in later promises', () => {
    const a = acceptor();
    a.msg('n1', { type: 'Prepare', ballot: '1.n1', slot: 0 });
    const fx = a.msg('n1', { type: 'Accept', ballot: '1.n1', slot: 0, value: 'A' });
    expect(kinds(fx)).toEqual(['persist', 'output', 'send']);
    expect(fx[0]).toEqual({ kind: 'persist', key: 'accepted.0', value: { ballot: '1.n1', value: 'A' } });
    expect(facts(fx)).toEqual([{ kind: 'accepted', slot: 0, ballot: '1.n1', value: 'A' }]);
    expect(sends(a.msg('n2', { type: 'Prepare', ballot: '2.n2', slot: 0 }))[0]?.msg).toEqual({ type: 'Promise', ballot: '2.n2', accepted: [{ slot: 0, ballot: '1.n1', value: 'A' }] });
    expect(sends(a.msg('n1', { type: 'Accept', ballot: '1.n1', slot: 0, value: 'A' }))[0]?.msg).toEqual({ type: 'Nack', ballot: '1.n1', slot: 0, promised: '2.n2' });
  });

  it('a higher accept without a prepare also raises the promise', () => {
    const a = acceptor();
    a.msg('n1', { type: 'Accept', ballot: '4.n1', slot: 0, value: 'A' });
    expect(a.state?.acceptor.promised).toBe('4.n1');
    expect(sends(a.msg('n2', { type: 'Prepare', ballot: '3.n2', slot: 0 }))[0]?.msg['type']).toBe('Nack');
  });

  it('a restarted durable acceptor reads back its promise and accepted value', () => {
    const a = acceptor();
    a.msg('n1', { type: 'Prepare', ballot: '1.n1', slot: 0 });
    a.msg('n1', { type: 'Accept', ballot: '1.n1', slot: 0, value: 'A' });
    a.msg('n2', { type: 'Prepare', ballot: '2.n2', slot: 0 });
    a.restart();
    expect(a.state?.acceptor).toEqual({ promised: '2.n2', accepted: { 0: { ballot: '1.n1', value: 'A' } } });
  });

  it('a forgetful acceptor writes nothing, so a restart finds it blank', () => {
    const a = acceptor({ params: { acceptorPersistence: 'forgetful' } });
    expect(kinds(a.msg('n1', { type: 'Prepare', ballot: '1.n1', slot: 0 }))).toEqual(['output', 'send']);
    expect(kinds(a.msg('n1', { type: 'Accept', ballot: '1.n1', slot: 0, value: 'A' }))).toEqual(['output', 'send']);
    a.restart();
    expect(a.state?.acceptor).toEqual({ promised: null, accepted: {} });
  });
});
