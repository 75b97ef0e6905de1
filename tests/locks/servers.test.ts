import { describe, expect, it } from 'vitest';
import { redisProtocol, storageProtocol } from '../../src/protocols/locks';
import type { RedisState, StorageState } from '../../src/protocols/locks/types';
import type { StepContext } from '../../src/sim/node';
import { ctxFor, Driven, facts, kinds, sends } from '../paxos/stepHarness';

/** A node whose local clock the test moves. */
class Clocked<S> extends Driven<S> {
  constructor(step: ConstructorParameters<typeof Driven<S>>[0], ctx: StepContext) {
    super(step, ctx);
  }
  at(now: number): this {
    (this.ctx as { now: number }).now = now;
    return this;
  }
}

function redis(params: Record<string, boolean> = {}) {
  const node = new Clocked<RedisState>(redisProtocol.step, ctxFor({ id: 'r1', peers: ['c1', 'c2', 'storage'], params }));
  node.start();
  return node;
}

const set = (rid: number, value: string, pxMs = 500) => ({ type: 'cmd', rid, cmd: { op: 'set', key: 'L', value, pxMs } });

describe('the Redis server node', () => {
  it('answers a SET with the token, reports it, persists it and arms the expiry', () => {
    const r = redis();
    const fx = r.at(100).msg('c1', set(7, 'v1'));
    expect(kinds(fx)).toEqual(['persist', 'output', 'setTimer', 'send']);
    expect(facts(fx)).toEqual([{ kind: 'set', lock: 'L', value: 'v1', owner: 'c1', token: 1, ttlMs: 500 }]);
    expect(sends(fx)).toEqual([{ to: 'c1', msg: { type: 'reply', rid: 7, result: { token: 1 } } }]);
  });

  it('reports the expiry when its timer fires, and re-arms when the clock was set back meanwhile', () => {
    const r = redis();
    r.at(100).msg('c1', set(1, 'v1'));
    expect(facts(r.at(590).timer('expire:L'))).toEqual([]);
    expect(r.effects).toContainEqual({ kind: 'setTimer', name: 'expire:L', delayMs: 10 });
    expect(facts(r.at(600).timer('expire:L'))).toEqual([{ kind: 'expired', lock: 'L', value: 'v1', owner: 'c1' }]);
  });

  it('a clock jumped forward expires the key for the next command, before its timer', () => {
    const r = redis();
    r.at(100).msg('c1', set(1, 'v1'));
    const fx = r.at(1200).msg('c2', set(2, 'v2'));
    expect(facts(fx).map((f) => f['kind'])).toEqual(['expired', 'set']);
    expect(sends(fx)[0]?.msg).toEqual({ type: 'reply', rid: 2, result: { token: 2 } });
  });

  it('with persistence a restart brings the key and the counter back; without, it comes back empty', () => {
    const durable = redis();
    durable.at(100).msg('c1', set(1, 'v1'));
    durable.at(200).restart();
    expect(durable.state?.keys['L']?.value).toBe('v1');
    expect(sends(durable.at(210).msg('c2', set(2, 'v2')))[0]?.msg['result']).toBeNull();

    const forgetful = redis({ persistence: false });
    expect(kinds(forgetful.at(100).msg('c1', set(1, 'v1')))).not.toContain('persist');
    forgetful.at(200).restart();
    expect(forgetful.state).toEqual({ keys: {}, counters: {} });
    expect(sends(forgetful.at(210).msg('c2', set(2, 'v2')))[0]?.msg['result']).toEqual({ token: 1 });
  });
});

function storage(fencing: boolean) {
  const node = new Driven<StorageState>(storageProtocol.step, ctxFor({ id: 'storage', peers: ['c1', 'c2', 'r1'], params: { fencing } }));
  node.start();
  return node;
}

const write = (token: number, hold: number, part: number) => ({ type: 'write', token, hold, part, of: 3 });

describe('the storage node', () => {
  it('with fencing, accepts a newer token and the same hold again, and rejects an older token', () => {
    const s = storage(true);
    expect(facts(s.msg('c1', write(1, 1, 1)))[0]).toMatchObject({ client: 'c1', token: 1, accepted: true });
    expect(facts(s.msg('c2', write(2, 1, 1)))[0]).toMatchObject({ token: 2, accepted: true });
    expect(facts(s.msg('c2', write(2, 1, 2)))[0]).toMatchObject({ token: 2, accepted: true });
    expect(facts(s.msg('c1', write(1, 1, 2)))[0]).toMatchObject({ token: 1, accepted: false });
    expect(sends(s.effects)).toEqual([{ to: 'c1', msg: { type: 'written', hold: 1, part: 2, accepted: false } }]);
  });

  it('with fencing, refuses the same token from another holder (a counter that went back)', () => {
    const s = storage(true);
    s.msg('c1', write(3, 1, 1));
    expect(facts(s.msg('c2', write(3, 1, 1)))[0]).toMatchObject({ accepted: false });
  });

  it('without fencing, accepts everything and marks a write that lands inside another holder’s work', () => {
    const s = storage(false);
    s.msg('c1', write(1, 1, 1));
    expect(facts(s.msg('c2', write(2, 1, 1)))[0]).not.toHaveProperty('interleaved');
    expect(facts(s.msg('c1', write(1, 1, 2)))[0]).toMatchObject({ accepted: true, interleaved: true });
    expect(s.state?.interleaved).toBe(1);
  });

  it('without fencing, marks a stale holder’s first write that comes after a newer holder’s work', () => {
    const s = storage(false);
    for (const part of [1, 2, 3]) expect(facts(s.msg('c2', write(2, 1, part)))[0]).not.toHaveProperty('interleaved');
    expect(facts(s.msg('c1', write(1, 1, 1)))[0]).toMatchObject({ accepted: true, interleaved: true });
    expect(facts(s.msg('c2', write(3, 2, 1)))[0]).not.toHaveProperty('interleaved');
  });

  it('keeps its record, the fencing mark included, across a restart', () => {
    const s = storage(true);
    s.msg('c2', write(5, 1, 1));
    s.restart();
    expect(facts(s.msg('c1', write(4, 1, 1)))[0]).toMatchObject({ accepted: false });
  });
});
