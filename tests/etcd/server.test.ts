/** The etcd server model: revisions, leases by the server's own clock, transactions, watches, restart. */
import { describe, expect, it } from 'vitest';
import { facts } from '../paxos/stepHarness';
import { ask, etcdServer, putIfAbsent, repliesIn } from './harness';

function granted(res: ReturnType<typeof ask>): number {
  if (res?.op !== 'grant') throw new Error(`not a grant: ${JSON.stringify(res)}`);
  return res.lease;
}

describe('the etcd server', () => {
  it('counts one revision per writing transaction: create and mod revisions and versions follow it', () => {
    const s = etcdServer();
    const lease = granted(ask(s.at(0), 'c1', { op: 'grant', ttlMs: 1000 }));
    expect(ask(s.at(1), 'c1', putIfAbsent('L', 'a', lease))).toMatchObject({ succeeded: true, revision: 2 });
    expect(ask(s.at(2), 'c2', putIfAbsent('L', 'b', lease))).toMatchObject({ succeeded: false, revision: 2, results: [{ kvs: [{ key: 'L', value: 'a', createRevision: 2, version: 1 }] }] });
    ask(s.at(3), 'c1', { op: 'txn', compare: [], success: [{ op: 'put', key: 'L', value: 'a2', lease }], failure: [] });
    expect(s.state?.keys['L']).toMatchObject({ value: 'a2', createRevision: 2, modRevision: 3, version: 2 });
    expect(s.state?.revision).toBe(3);
  });

  it('compares on value and create revision, and deletes only when they hold', () => {
    const s = etcdServer();
    ask(s.at(0), 'c1', putIfAbsent('L', 'mine', 0));
    const byValue = (value: string) => ask(s.at(1), 'c2', { op: 'txn', compare: [{ key: 'L', target: 'value', op: '=', value }], success: [{ op: 'delete', key: 'L' }], failure: [] });
    expect(byValue('other')).toMatchObject({ succeeded: false });
    expect(s.state?.keys['L']).toBeDefined();
    const fx = s.effects;
    expect(facts(fx, 'deleted')).toEqual([]);
    expect(byValue('mine')).toMatchObject({ succeeded: true, results: [{ deleted: 1 }] });
    expect(facts(s.effects, 'deleted')).toEqual([{ kind: 'deleted', lock: 'L', value: 'mine', owner: 'c1', by: 'c2', how: 'delete', revision: 3 }]);
    ask(s.at(2), 'c1', putIfAbsent('L', 'again', 0));
    expect(ask(s.at(3), 'c1', { op: 'txn', compare: [{ key: 'L', target: 'create', op: '=', value: 2 }], success: [{ op: 'delete', key: 'L' }], failure: [] })).toMatchObject({ succeeded: false });
  });

  it('ranges a prefix by create revision, oldest or newest first, below a create revision', () => {
    const s = etcdServer();
    for (const [i, c] of ['c1', 'c2', 'c3'].entries()) ask(s.at(i), c, putIfAbsent(`L/${c}`, '', 0));
    const range = (order: 'first-create' | 'last-create', maxCreateRev?: number) => {
      const res = ask(s.at(9), 'c1', { op: 'txn', compare: [], success: [{ op: 'range', prefix: 'L/', order, limit: 1, ...(maxCreateRev === undefined ? {} : { maxCreateRev }) }], failure: [] });
      return res?.op === 'txn' ? res.results[0] : null;
    };
    expect(range('first-create')).toMatchObject({ kvs: [{ key: 'L/c1', createRevision: 2 }] });
    expect(range('last-create')).toMatchObject({ kvs: [{ key: 'L/c3', createRevision: 4 }] });
    expect(range('last-create', 3)).toMatchObject({ kvs: [{ key: 'L/c2', createRevision: 3 }] });
  });

  it('expires a lease by its own clock and deletes its keys with it; a keepalive before then gives a full TTL again', () => {
    const s = etcdServer();
    const lease = granted(ask(s.at(0), 'c1', { op: 'grant', ttlMs: 300 }));
    ask(s.at(10), 'c1', putIfAbsent('L', 'v', lease));
    expect(ask(s.at(200), 'c1', { op: 'keepalive', lease })).toEqual({ op: 'keepalive', lease, ttlMs: 300 });
    expect(s.state?.leases[String(lease)]?.expiresAt).toBe(500);
    expect(facts(s.at(499).timer(`lease:${lease}`), 'expired')).toEqual([]);
    const fx = s.at(500).timer(`lease:${lease}`);
    expect(facts(fx, 'expired')).toEqual([{ kind: 'expired', lock: 'L', value: 'v', owner: 'c1', lease, revision: 3 }]);
    expect(facts(fx, 'lease-expired')).toEqual([{ kind: 'lease-expired', lease, owner: 'c1', keys: 1 }]);
    expect(ask(s.at(501), 'c1', { op: 'keepalive', lease })).toEqual({ op: 'keepalive', lease, ttlMs: -1 });
  });

  it('a clock jump on the server expires a lease early, before any timer fires', () => {
    const s = etcdServer();
    const lease = granted(ask(s.at(0), 'c1', { op: 'grant', ttlMs: 1000 }));
    ask(s.at(10), 'c1', putIfAbsent('L', 'v', lease));
    // The server's clock jumped a second ahead: the next request finds the lease gone.
    expect(ask(s.at(1100), 'c2', putIfAbsent('L', 'w', 0))).toMatchObject({ succeeded: true });
    expect(facts(s.effects, 'expired')).toHaveLength(1);
  });

  it('refuses a put to a lease that is not live', () => {
    const s = etcdServer();
    expect(ask(s.at(0), 'c1', putIfAbsent('L', 'v', 42))).toMatchObject({ succeeded: false, results: [] });
    expect(s.state?.keys).toEqual({});
  });

  it('revoke deletes the lease’s keys at once and says who revoked', () => {
    const s = etcdServer();
    const lease = granted(ask(s.at(0), 'c1', { op: 'grant', ttlMs: 1000 }));
    ask(s.at(1), 'c1', putIfAbsent('L/1', '', lease));
    expect(ask(s.at(2), 'c1', { op: 'revoke', lease })).toEqual({ op: 'revoke', lease, found: true });
    expect(facts(s.effects, 'deleted')).toEqual([expect.objectContaining({ lock: 'L/1', by: 'c1', how: 'revoke' })]);
    expect(ask(s.at(3), 'c1', { op: 'revoke', lease })).toEqual({ op: 'revoke', lease, found: false });
  });

  it('a watch answers when its key is deleted, or at once when it is gone already', () => {
    const s = etcdServer();
    const lease = granted(ask(s.at(0), 'c1', { op: 'grant', ttlMs: 300 }));
    ask(s.at(1), 'c1', putIfAbsent('L/1', '', lease));
    expect(ask(s.at(2), 'c2', { op: 'watch', key: 'L/1', createRevision: 2 })).toBeNull();
    const fx = s.at(301).timer(`lease:${lease}`);
    expect(repliesIn(fx)).toEqual([{ to: 'c2', rid: expect.any(Number), res: { op: 'deleted', key: 'L/1', revision: 3 } }]);
    expect(ask(s.at(302), 'c2', { op: 'watch', key: 'L/1', createRevision: 2 })).toEqual({ op: 'deleted', key: 'L/1', revision: 3 });
  });

  it('keeps its keys, revision and leases across a restart, each lease with a fresh TTL; watches are gone', () => {
    const s = etcdServer();
    const lease = granted(ask(s.at(0), 'c1', { op: 'grant', ttlMs: 300 }));
    ask(s.at(1), 'c1', putIfAbsent('L', 'v', lease));
    ask(s.at(2), 'c2', { op: 'watch', key: 'L', createRevision: 2 });
    const fx = s.at(250).restart();
    expect(facts(fx, 'recovered')).toEqual([{ kind: 'recovered', revision: 2, keys: [{ lock: 'L', owner: 'c1', createRevision: 2, lease }], leases: 1 }]);
    expect(s.state?.leases[String(lease)]?.expiresAt).toBe(550);
    expect(s.state?.watchers).toEqual([]);
    expect(ask(s.at(260), 'c2', putIfAbsent('L', 'w', 0))).toMatchObject({ succeeded: false });
    expect(ask(s.at(270), 'c2', { op: 'grant', ttlMs: 300 })).toMatchObject({ lease: lease + 1 });
  });
});
