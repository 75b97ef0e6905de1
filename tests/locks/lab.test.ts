import { describe, expect, it } from 'vitest';
import { productLabs } from '../../src/labs/catalog';
import { redisLockLab } from '../../src/labs/redis-lock/lab';
import { redlockLab } from '../../src/labs/redlock/lab';
import { networkPresetsOf } from '../../src/labs/contract/network';
import { resolveLabParams } from '../../src/runtime/runnableLab';
import { ParamError } from '../../src/sim/params';
import type { NodeView } from '../../src/sim/checker';
import type { Json } from '../../src/sim/json';

const view = (id: string, kind: string, state: unknown, status: NodeView['status'] = 'up'): NodeView => ({ id, kind, status, state: state as Json, persisted: {} });

describe('the lock lab definitions', () => {
  it('are registered, with both variants', () => {
    expect(productLabs.map((l) => l.id)).toEqual(expect.arrayContaining(['redis-lock', 'redlock']));
    expect(redisLockLab.variants).toEqual(['hardened', 'article']);
  });

  it('put clients, then servers, then the storage on the ring: one server for redis-lock, five for RedLock', () => {
    expect(redisLockLab.topology(resolveLabParams(redisLockLab, { clients: 3 })).map((n) => n.id)).toEqual(['c1', 'c2', 'c3', 'r1', 'storage']);
    expect(redlockLab.topology(resolveLabParams(redlockLab, {})).map((n) => `${n.id}:${n.kind}`)).toEqual(['c1:client', 'c2:client', 'c3:client', 'r1:redis', 'r2:redis', 'r3:redis', 'r4:redis', 'r5:redis', 'storage:storage']);
  });

  it('offer no majority split or bridge: clients, lock servers and a storage are no voting group', () => {
    const lockLabs = productLabs.filter((l) => ['redis-lock', 'redlock', 'etcd-mutex', 'etcd-txn-lock'].includes(l.id));
    expect(lockLabs).toHaveLength(4);
    for (const lab of lockLabs) expect(networkPresetsOf(lab), lab.id).toEqual([]);
  });

  it('name what is valid for a parameter out of range', () => {
    expect(() => resolveLabParams(redisLockLab, { clients: 7 })).toThrow(ParamError);
  });

  it('check fencing only when it is on', () => {
    expect(redlockLab.checkers('hardened', resolveLabParams(redlockLab, { fencing: false }, 'hardened')).map((c) => c.rule)).toEqual(['mutual-exclusion', 'own-value-only']);
    expect(redlockLab.checkers('article', resolveLabParams(redlockLab, { fencing: true }, 'article')).map((c) => c.rule)).toContain('fencing-monotonic');
  });

  it('have fencing tokens by default in the hardened variant only: the article writes without them', () => {
    for (const lab of [redisLockLab, redlockLab]) {
      expect(resolveLabParams(lab, {}, 'hardened')['fencing']).toBe(true);
      expect(resolveLabParams(lab, {}, 'article')['fencing']).toBe(false);
      expect(resolveLabParams(lab, { fencing: true }, 'article')['fencing']).toBe(true);
    }
    expect(() => resolveLabParams(redlockLab, { fencing: 'maybe' })).toThrow(/fencing \(true\|false, default true, false in article\)/);
  });

  it('shows a holder with its token, a server with its key’s owner, and the storage’s tally', () => {
    const look = redisLockLab.look;
    expect(look(view('c1', 'client', { phase: 'holding', token: 4, written: 2, granted: {} }))).toEqual({ role: 'holder', detail: 'token 4 · write 2' });
    expect(look(view('r1', 'redis', { keys: { L: { value: 'v', owner: 'c2', expiresAt: 900 } }, counters: { L: 5 } }))).toEqual({ role: 'locked', detail: 'c2 · token 5' });
    expect(look(view('r1', 'redis', { keys: {}, counters: {} }))).toEqual({ role: 'free', detail: 'counter 0' });
    expect(look(view('storage', 'storage', { accepted: 3, rejected: 1, interleaved: 0 }))).toEqual({ role: 'storage', detail: '✓3 ✗1' });
    expect(look(view('c1', 'client', undefined, 'paused'))).toEqual({ role: 'paused', detail: '' });
    expect(look(view('c1', 'client', { phase: 'idle', hold: 1, panic: 'close of closed channel: Unlock called twice' }))).toEqual({ role: 'idle', detail: 'panicked: Unlock twice' });
    expect(look(view('c1', 'client', { phase: 'idle', hold: 1, panic: null }))).toEqual({ role: 'idle', detail: 'held 1×' });
  });
});
