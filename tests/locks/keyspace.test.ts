import { describe, expect, it } from 'vitest';
import { applyCommand, EMPTY_KEYSPACE, expiredKeys } from '../../src/protocols/locks/keyspace';
import type { RedisCommand, RedisState } from '../../src/protocols/locks/types';

function run(state: RedisState, cmd: RedisCommand, from = 'c1', now = 0) {
  return applyCommand(state, cmd, from, now);
}

const locked = run(EMPTY_KEYSPACE, { op: 'set', key: 'L', value: 'v1', pxMs: 500 }, 'c1', 1000).state;

describe('the Redis keyspace', () => {
  it('SET NX PX takes a free key, counts a fencing token, and refuses while the key lives', () => {
    const first = run(EMPTY_KEYSPACE, { op: 'set', key: 'L', value: 'v1', pxMs: 500 }, 'c1', 1000);
    expect(first.result).toEqual({ token: 1 });
    expect(first.state.keys['L']).toEqual({ value: 'v1', owner: 'c1', expiresAt: 1500, ttlMs: 500 });
    expect(run(first.state, { op: 'set', key: 'L', value: 'v2', pxMs: 500 }, 'c2', 1499).result).toBeNull();
  });

  it('a key is gone once its expiry passes by the server’s own clock, and the counter keeps counting', () => {
    expect(run(locked, { op: 'get', key: 'L' }, 'c2', 1499).result).toBe('v1');
    expect(run(locked, { op: 'get', key: 'L' }, 'c2', 1500).result).toBeNull();
    expect(expiredKeys(locked, 1500)).toEqual(['L']);
    const second = run(locked, { op: 'set', key: 'L', value: 'v2', pxMs: 500 }, 'c2', 1500);
    expect(second.result).toEqual({ token: 2 });
  });

  it('EXPIRE takes whole seconds, and EXPIRE 0 deletes the key', () => {
    const one = run(locked, { op: 'expire', key: 'L', seconds: 1.8 }, 'c1', 1100);
    expect(one.state.keys['L']?.expiresAt).toBe(2100);
    const zero = run(locked, { op: 'expire', key: 'L', seconds: 0.8 }, 'c1', 1100);
    expect(zero.result).toBe(1);
    expect(zero.state.keys['L']).toBeUndefined();
    expect(zero.change).toMatchObject({ kind: 'deleted', how: 'expire', by: 'c1' });
  });

  it('PEXPIRE sets the time to live in ms', () => {
    expect(run(locked, { op: 'pexpire', key: 'L', ms: 300 }, 'c1', 1200).state.keys['L']?.expiresAt).toBe(1500);
    expect(run(locked, { op: 'pexpire', key: 'L', ms: 300 }, 'c1', 1600).result).toBe(0);
  });

  it('compare-and-delete and compare-and-extend act only when the value matches', () => {
    expect(run(locked, { op: 'cad', key: 'L', value: 'other' }, 'c2', 1100)).toMatchObject({ result: 0, change: null });
    expect(run(locked, { op: 'cad', key: 'L', value: 'v1' }, 'c1', 1100)).toMatchObject({ result: 1, change: { kind: 'deleted', how: 'cad' } });
    expect(run(locked, { op: 'cae', key: 'L', value: 'other', ms: 500 }, 'c2', 1100).result).toBe(0);
    const extended = run(locked, { op: 'cae', key: 'L', value: 'v1', ms: 500 }, 'c1', 1100);
    expect(extended.state.keys['L']?.expiresAt).toBe(1600);
    expect(extended.change).toMatchObject({ kind: 'extended', by: 'c1' });
  });

  it('a script with the same value acts on a key another client set: Redis sees values, not clients', () => {
    const deleted = run(locked, { op: 'cad', key: 'L', value: 'v1' }, 'c2', 1100);
    expect(deleted.change).toMatchObject({ kind: 'deleted', by: 'c2', entry: { owner: 'c1' } });
  });

  it('compare-and-raise lifts the fencing counter only while the key holds the caller’s value, and never lowers it', () => {
    const raised = run(locked, { op: 'raise', key: 'L', value: 'v1', token: 7 }, 'c1', 1100);
    expect(raised).toMatchObject({ result: 1, change: { kind: 'raised', token: 7 } });
    expect(raised.state.counters['L']).toBe(7);
    expect(run(raised.state, { op: 'set', key: 'L', value: 'v2', pxMs: 500 }, 'c2', 1600).result).toEqual({ token: 8 });
    expect(run(raised.state, { op: 'raise', key: 'L', value: 'v1', token: 3 }, 'c1', 1200)).toMatchObject({ result: 1, change: null });
    expect(run(raised.state, { op: 'raise', key: 'L', value: 'v1', token: 3 }, 'c1', 1200).state.counters['L']).toBe(7);
    expect(run(locked, { op: 'raise', key: 'L', value: 'other', token: 9 }, 'c2', 1100)).toMatchObject({ result: 0, change: null });
    expect(run(locked, { op: 'raise', key: 'L', value: 'v1', token: 9 }, 'c1', 1500)).toMatchObject({ result: 0, change: null });
  });

  it('DEL deletes whoever set the key', () => {
    expect(run(locked, { op: 'del', key: 'L' }, 'c2', 1100)).toMatchObject({ result: 1, change: { kind: 'deleted', how: 'del', by: 'c2' } });
    expect(run(EMPTY_KEYSPACE, { op: 'del', key: 'L' }, 'c2', 1100).result).toBe(0);
  });
});
