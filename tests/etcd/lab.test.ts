import { describe, expect, it } from 'vitest';
import { etcdMutexLab } from '../../src/labs/etcd-mutex/lab';
import { etcdTxnLockLab } from '../../src/labs/etcd-txn-lock/lab';
import { productLabs } from '../../src/labs/catalog';
import { labsByArea } from '../../src/labs/areas';
import { resolveLabParams } from '../../src/runtime/runnableLab';
import { ParamError } from '../../src/sim/params';
import type { NodeView } from '../../src/sim/checker';
import type { Json } from '../../src/sim/json';

const view = (id: string, kind: string, state: unknown, status: NodeView['status'] = 'up'): NodeView => ({ id, kind, status, state: state as Json, persisted: {} });

describe('the etcd lock lab definitions', () => {
  it('are registered, in the locks area, with both variants', () => {
    expect(productLabs.map((l) => l.id)).toEqual(expect.arrayContaining(['etcd-mutex', 'etcd-txn-lock']));
    expect(labsByArea(productLabs).find((a) => a.area.id === 'locks')?.labs.map((l) => l.id)).toEqual(['redis-lock', 'redlock', 'etcd-mutex', 'etcd-txn-lock']);
    expect(etcdMutexLab.variants).toEqual(['hardened', 'article']);
    expect(etcdTxnLockLab.variants).toEqual(['hardened', 'article']);
  });

  it('put clients, then the one etcd server, then the storage on the ring', () => {
    expect(etcdMutexLab.topology(resolveLabParams(etcdMutexLab, { clients: 3 })).map((n) => `${n.id}:${n.kind}`)).toEqual(['c1:client', 'c2:client', 'c3:client', 'etcd:etcd', 'storage:storage']);
  });

  it('check parameter ranges, and check fencing only when it is on', () => {
    expect(() => resolveLabParams(etcdMutexLab, { ttlMs: 10 })).toThrow(ParamError);
    expect(() => resolveLabParams(etcdMutexLab, { persistence: true })).toThrow(ParamError);
    expect(etcdMutexLab.checkers('hardened', resolveLabParams(etcdMutexLab, { fencing: false })).map((c) => c.rule)).toEqual(['mutual-exclusion', 'own-value-only']);
    expect(etcdMutexLab.checkers('article', resolveLabParams(etcdMutexLab, {})).map((c) => c.rule)).toContain('fencing-monotonic');
  });

  it('offers acquire, TryLock (the mutex only) and unlock on clients only', () => {
    expect(etcdMutexLab.commands.map((c) => `${c.id}:${(c.forKinds ?? []).join(',')}`)).toEqual(['acquire:client', 'trylock:client', 'release:client']);
    expect(etcdTxnLockLab.commands.map((c) => c.id)).toEqual(['acquire', 'release']);
    expect(() => resolveLabParams(etcdTxnLockLab, { tryLockMs: 100 })).toThrow(ParamError);
  });

  it('shows a holder with its token, a waiter with the key ahead, a leaked lock, and the server’s owner and revision', () => {
    const look = etcdMutexLab.look;
    expect(look(view('c1', 'client', { phase: 'holding', token: 4, written: 2, background: null }))).toEqual({ role: 'holder', detail: 'token 4 · write 2' });
    expect(look(view('c2', 'client', { phase: 'acquiring', attempt: 1, main: { behind: 'L/1' }, background: null }))).toEqual({ role: 'acquiring', detail: 'behind L/1' });
    expect(look(view('c2', 'client', { phase: 'idle', hold: 0, main: null, background: { step: 'held', rev: 3 } }))).toEqual({ role: 'holder', detail: 'leaked token 3' });
    const keys = { 'L/1': { createRevision: 2, owner: 'c1' }, 'L/2': { createRevision: 3, owner: 'c2' } };
    expect(look(view('etcd', 'etcd', { revision: 3, keys }))).toEqual({ role: 'locked', detail: 'c1 · rev 3' });
    expect(look(view('etcd', 'etcd', { revision: 5, keys: {} }))).toEqual({ role: 'free', detail: 'rev 5' });
  });
});
