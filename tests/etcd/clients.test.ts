/** The etcd lock clients step by step: each article pitfall at the level of one client, and what hardened does instead. */
import { describe, expect, it } from 'vitest';
import { etcdMutexClientProtocol } from '../../src/protocols/etcd/mutexClient';
import { etcdTxnClientProtocol } from '../../src/protocols/etcd/txnClient';
import type { EtcdClientState } from '../../src/protocols/etcd/clientTypes';
import type { Effect, StepFunction } from '../../src/sim/node';
import { Clocked } from '../locks/harness';
import { ctxFor, facts, sends } from '../paxos/stepHarness';

type Req = { op: string } & Record<string, unknown>;
const requests = (fx: readonly Effect[]): { rid: number; req: Req }[] => sends(fx).filter((s) => s.msg['type'] === 'etcd').map((s) => ({ rid: s.msg['rid'] as number, req: s.msg['req'] as Req }));
const timers = (fx: readonly Effect[]) => fx.flatMap((e) => (e.kind === 'setTimer' ? [e.name] : []));

function client(step: StepFunction<EtcdClientState>, variant: string, params: Record<string, number | boolean> = {}): Clocked<EtcdClientState> {
  const c = new Clocked<EtcdClientState>(step, ctxFor({ id: 'c1', peers: ['c2', 'etcd', 'storage'], variant, params: { autoStart: false, ...params } }));
  c.start();
  return c;
}

const reply = (c: Clocked<EtcdClientState>, rid: number, res: object) => c.msg('etcd', { type: 'etcd-reply', rid, res });

/** A txn-lock client that has just taken the lock with lease 7 at revision 9. */
function txnHolder(variant: string) {
  const c = client(etcdTxnClientProtocol.step, variant);
  const grant = requests(c.at(0).command({ op: 'acquire' }))[0]!;
  const put = requests(reply(c.at(5), grant.rid, { op: 'grant', lease: 7, ttlMs: 1000 }))[0]!;
  const fx = reply(c.at(10), put.rid, { op: 'txn', succeeded: true, results: [{ revision: 9 }], revision: 9 });
  return { c, put, fx };
}

describe('the etcd transaction lock client', () => {
  it('article: puts the usage example’s constant value, and its keepalive stops the moment Lock returns', () => {
    const { put, fx, c } = txnHolder('article');
    expect(put.req).toMatchObject({ op: 'txn', compare: [{ key: 'L', target: 'version', op: '=', value: 0 }], success: [{ op: 'put', key: 'L', value: 'unique_value', lease: 7 }] });
    expect(facts(fx, 'acquired')).toEqual([{ kind: 'acquired', lock: 'L', token: 9, key: 'L' }]);
    expect(facts(fx, 'keepalive-stopped')).toHaveLength(1);
    expect(fx).toContainEqual({ kind: 'cancelTimer', name: 'keepalive:7' });
    expect(c.state?.sessions['7']?.ended).toBe(true);
  });

  it('hardened: a value of its own, and the keepalive goes on while it holds', () => {
    const { put, fx, c } = txnHolder('hardened');
    expect(put.req['success']).toEqual([{ op: 'put', key: 'L', value: 'c1:7', lease: 7 }]);
    expect(facts(fx, 'keepalive-stopped')).toEqual([]);
    expect(requests(c.at(339).timer('keepalive:7')).map((r) => r.req)).toEqual([{ op: 'keepalive', lease: 7 }]);
  });

  it('article: Unlock compares the value, and a failed compare returns before Revoke', () => {
    const { c } = txnHolder('article');
    const fx = c.at(50).command({ op: 'release' });
    const [unlock] = requests(fx);
    expect(unlock?.req).toMatchObject({ compare: [{ key: 'L', target: 'value', op: '=', value: 'unique_value' }], success: [{ op: 'delete', key: 'L' }] });
    expect(requests(fx).some((r) => r.req.op === 'revoke')).toBe(false);
    const failed = reply(c.at(60), unlock!.rid, { op: 'txn', succeeded: false, results: [], revision: 9 });
    expect(facts(failed, 'unlock-error')[0]?.['why']).toMatch(/returns before Revoke/);
    expect(requests(failed)).toEqual([]);
  });

  it('hardened: Unlock compares its create revision and revokes whatever the compare says', () => {
    const { c } = txnHolder('hardened');
    const fx = c.at(50).command({ op: 'release' });
    expect(requests(fx).map((r) => r.req)).toEqual([
      { op: 'txn', compare: [{ key: 'L', target: 'create', op: '=', value: 9 }], success: [{ op: 'delete', key: 'L' }], failure: [] },
      { op: 'revoke', lease: 7 },
    ]);
  });

  it('hardened: a keepalive answered “not found” stops the holder’s work', () => {
    const { c } = txnHolder('hardened');
    const ka = requests(c.at(339).timer('keepalive:7'))[0]!;
    const fx = reply(c.at(345), ka.rid, { op: 'keepalive', lease: 7, ttlMs: -1 });
    expect(facts(fx, 'lost')).toHaveLength(1);
    expect(fx).toContainEqual({ kind: 'cancelTimer', name: 'work' });
    expect(c.state?.phase).toBe('idle');
  });
});

/** A mutex client whose TryLock put its key L/2 (revision 3) while L/1 (revision 2) owns the lock. */
function tryLocking(variant: string) {
  const c = client(etcdMutexClientProtocol.step, variant, { tryLockMs: 300 });
  const grant = requests(c.at(0).command({ op: 'trylock' }))[0]!;
  const put = requests(reply(c.at(5), grant.rid, { op: 'grant', lease: 2, ttlMs: 1000 }))[0]!;
  const owner = { key: 'L/1', value: '', createRevision: 2, modRevision: 2, version: 1, lease: 1 };
  const fx = reply(c.at(10), put.rid, { op: 'txn', succeeded: true, results: [{ revision: 3 }, { kvs: [owner] }], revision: 3 });
  return { c, put, fx };
}

describe('the etcd mutex client', () => {
  it('puts its key under the prefix if absent and reads the owner in the same transaction', () => {
    const { put } = tryLocking('hardened');
    expect(put.req).toEqual({
      op: 'txn',
      compare: [{ key: 'L/2', target: 'create', op: '=', value: 0 }],
      success: [{ op: 'put', key: 'L/2', value: '', lease: 2 }, { op: 'range', prefix: 'L/', order: 'first-create', limit: 1 }],
      failure: [{ op: 'get', key: 'L/2' }, { op: 'range', prefix: 'L/', order: 'first-create', limit: 1 }],
    });
  });

  it('hardened TryLock: not the owner, so it deletes its key, revokes its lease and fails at once', () => {
    const { fx, c } = tryLocking('hardened');
    expect(requests(fx).map((r) => r.req)).toEqual([
      { op: 'txn', compare: [], success: [{ op: 'delete', key: 'L/2' }], failure: [] },
      { op: 'revoke', lease: 2 },
    ]);
    expect(fx).toContainEqual({ kind: 'result', opId: 'op1', ok: false, value: 'mutex: Locked by another session (L/1, revision 2)' });
    expect(c.state?.main).toBeNull();
  });

  it('article TryLock: it waits behind the owner, gives up after tryLockMs, and its Lock goes on in the background', () => {
    const { fx, c } = tryLocking('article');
    expect(requests(fx).map((r) => r.req)).toEqual([{ op: 'txn', compare: [], success: [{ op: 'range', prefix: 'L/', order: 'last-create', limit: 1, maxCreateRev: 2 }], failure: [] }]);
    const gaveUp = c.at(300).timer('trylock');
    expect(gaveUp).toContainEqual({ kind: 'result', opId: 'op1', ok: false, value: 'failed to acquire lock: timed out' });
    expect(c.state?.main).toBeNull();
    expect(c.state?.background).toMatchObject({ key: 'L/2', rev: 3, step: 'ranging' });
    // Its session's keepalive is not tied to any context: it keeps the key alive for good.
    expect(timers(gaveUp)).toContain('resend:background');
    expect(requests(c.at(339).timer('keepalive:2')).map((r) => r.req)).toEqual([{ op: 'keepalive', lease: 2 }]);
  });

  it('article Lock: the usage example’s context bounds the session keepalive and the wait', () => {
    const c = client(etcdMutexClientProtocol.step, 'article', { contextMs: 500 });
    expect(timers(c.at(0).command({ op: 'acquire' }))).toContain('ctx');
    const grant = c.state?.main?.inflight;
    const put = requests(reply(c.at(5), grant!.rid, { op: 'grant', lease: 4, ttlMs: 1000 }))[0]!;
    expect(c.state?.sessions['4']?.until).toBe(500);
    reply(c.at(10), put.rid, { op: 'txn', succeeded: true, results: [{ revision: 5 }, { kvs: [{ key: 'L/1', value: '', createRevision: 2, modRevision: 2, version: 1, lease: 1 }] }], revision: 5 });
    const ended = c.at(500).timer('ctx');
    expect(facts(ended, 'refused')[0]?.['why']).toBe('context deadline exceeded');
    expect(requests(ended).map((r) => r.req)).toEqual([{ op: 'txn', compare: [], success: [{ op: 'delete', key: 'L/4' }], failure: [] }]);
  });
});
