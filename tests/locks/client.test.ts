import { describe, expect, it } from 'vitest';
import type { Effect } from '../../src/sim/node';
import { facts, sends } from '../paxos/stepHarness';
import { FIVE_SERVERS, lockClient, ridsOf } from './harness';

const cmds = (fx: readonly Effect[]): ({ to: string } & Record<string, unknown>)[] => sends(fx).filter((s) => s.msg['type'] === 'cmd').map((s) => ({ to: s.to, ...(s.msg['cmd'] as Record<string, unknown>) }));
const timers = (fx: readonly Effect[]) => fx.flatMap((e) => (e.kind === 'setTimer' ? [`${e.name}@${e.delayMs}`] : []));

/** c1 acquires a single-instance lock at time 0; r1 answers at `replyAt` with token 1. */
function holding(variant: 'hardened' | 'article', params: Record<string, number | boolean> = {}, replyAt = 10) {
  const c = lockClient({ variant, params, randoms: [0.25, 0.5] });
  const rid = ridsOf(c.at(0).command({ op: 'acquire' }))['r1'] as number;
  c.at(replyAt).msg('r1', { type: 'reply', rid, result: { token: 1 } });
  return c;
}

describe('the hardened lock client', () => {
  it('asks with SET NX PX and a value of its own, and holds the lock with its token and validity', () => {
    const c = lockClient({ randoms: [0.25] });
    const fx = c.at(0).command({ op: 'acquire' });
    expect(cmds(fx)).toEqual([{ to: 'r1', op: 'set', key: 'L', value: 'c1:1.1:3fffffff', pxMs: 500 }]);
    const got = c.at(10).msg('r1', { type: 'reply', rid: 1, result: { token: 1 } });
    expect(facts(got, 'acquired')).toEqual([{ kind: 'acquired', lock: 'L', token: 1, validityMs: 483, elapsedMs: 10 }]);
    expect(got).toContainEqual({ kind: 'result', opId: 'op1', ok: true, value: 'token 1' });
    expect(timers(got)).toEqual(['work@100', 'lease@473', 'renew@250']);
  });

  it('renews with PEXPIRE in ms, and a majority’s yes moves its validity on', () => {
    const c = holding('hardened');
    const renew = c.at(260).timer('renew');
    expect(cmds(renew)).toEqual([{ to: 'r1', op: 'cae', key: 'L', value: c.state?.value, ms: 500 }]);
    const rid = ridsOf(renew)['r1'] as number;
    expect(facts(c.at(270).msg('r1', { type: 'reply', rid, result: 1 }), 'renewed')).toHaveLength(1);
    expect(c.state?.leaseUntil).toBe(260 + 500 - 7);
  });

  it('is told when a renewal fails: it stops its work, says why and deletes its key', () => {
    const c = holding('hardened');
    const rid = ridsOf(c.at(260).timer('renew'))['r1'] as number;
    const fx = c.at(270).msg('r1', { type: 'reply', rid, result: 0 });
    expect(facts(fx, 'lost')).toEqual([{ kind: 'lost', lock: 'L', why: 'renewal reached 0 of 1 servers' }]);
    expect(cmds(fx).map((x) => x.op)).toEqual(['cad']);
    expect(fx).toContainEqual({ kind: 'cancelTimer', name: 'work' });
    expect(c.state?.phase).toBe('idle');
  });

  it('checks its validity before each write: past it, it writes nothing and lets go', () => {
    const c = holding('hardened');
    const fx = c.at(600).timer('work');
    expect(sends(fx).filter((s) => s.msg['type'] === 'write')).toEqual([]);
    expect(facts(fx, 'lost')[0]?.['why']).toMatch(/validity time ran out/);
  });

  it('writes its work in parts under its token, and unlocks with compare-and-delete after the last is answered', () => {
    const c = holding('hardened', { writes: 2 });
    expect(sends(c.at(110).timer('work'))).toEqual([{ to: 'storage', msg: { type: 'write', token: 1, hold: 1, part: 1, of: 2 } }]);
    c.at(210).timer('work');
    const fx = c.at(220).msg('storage', { type: 'written', hold: 1, part: 2, accepted: true });
    expect(facts(fx, 'released')).toHaveLength(1);
    expect(cmds(fx)).toEqual([{ to: 'r1', op: 'cad', key: 'L', value: expect.stringMatching(/^c1:/) }]);
  });

  it('a rejected write means a newer holder wrote: it stops at once', () => {
    const c = holding('hardened');
    c.at(110).timer('work');
    expect(facts(c.at(120).msg('storage', { type: 'written', hold: 1, part: 1, accepted: false }), 'lost')[0]?.['why']).toMatch(/rejected token 1/);
  });

  it('retries after a random delay around retryDelayMs, and gives up after `retries` attempts', () => {
    const c = lockClient({ params: { retries: 2, retryDelayMs: 100 }, randoms: [0.1, 0.9, 0.3] });
    c.at(0).command({ op: 'acquire' });
    const refused = c.at(10).msg('r1', { type: 'reply', rid: 1, result: null });
    expect(facts(refused, 'retry')).toEqual([{ kind: 'retry', lock: 'L', attempt: 1, inMs: 140 }]);
    c.at(150).timer('retry');
    const gaveUp = c.at(160).msg('r1', { type: 'reply', rid: 3, result: null });
    expect(facts(gaveUp, 'gave-up')).toEqual([{ kind: 'gave-up', lock: 'L', attempts: 2 }]);
    expect(gaveUp).toContainEqual({ kind: 'result', opId: 'op1', ok: false, value: 'failed to acquire lock after 2 retries' });
  });

  it('RedLock: counts a majority, subtracts elapsed time and drift, and releases everywhere when validity is gone', () => {
    const c = lockClient({ peers: FIVE_SERVERS, params: { ttlMs: 1000 } });
    const rids = ridsOf(c.at(0).command({ op: 'acquire' }));
    for (const r of ['r1', 'r2', 'r3']) c.at(995).msg(r, { type: 'reply', rid: rids[r] as number, result: { token: 4 } });
    const fx = c.at(1000).timer('round');
    expect(facts(fx, 'refused')).toEqual([{ kind: 'refused', lock: 'L', attempt: 1, granted: 3, why: 'validity -12 ms after 1000 ms' }]);
    expect(cmds(fx).filter((x) => x.op === 'cad').map((x) => x.to)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
  });

  /** Five servers answer the SET round: r1, r2 and r4 say yes with these counters. */
  function majorityGranted() {
    const c = lockClient({ peers: FIVE_SERVERS });
    const rids = ridsOf(c.at(0).command({ op: 'acquire' }));
    const tokens: Record<string, number | null> = { r1: 3, r2: 7, r3: null, r4: 5, r5: null };
    let fx: readonly Effect[] = [];
    for (const [r, token] of Object.entries(tokens)) fx = c.at(10).msg(r, { type: 'reply', rid: rids[r] as number, result: token === null ? null : { token } });
    return { c, fx };
  }

  it('RedLock: takes the highest counter among the yeses as its token, raises it there, and holds once a majority raised it', () => {
    const { c, fx } = majorityGranted();
    expect(facts(fx, 'acquired')).toEqual([]);
    const raises = cmds(fx).filter((x) => x.op === 'raise');
    expect(raises.map((x) => `${x.to}:${String(x['token'])}`)).toEqual(['r1:7', 'r2:7', 'r4:7']);
    const rids = ridsOf(fx);
    c.at(15).msg('r1', { type: 'reply', rid: rids['r1'] as number, result: 1 });
    expect(facts(c.at(15).msg('r4', { type: 'reply', rid: rids['r4'] as number, result: 1 }), 'acquired')).toEqual([]);
    const held = c.at(16).msg('r2', { type: 'reply', rid: rids['r2'] as number, result: 1 });
    expect(facts(held, 'acquired')[0]).toMatchObject({ token: 7, elapsedMs: 16 });
  });

  it('RedLock: when its key is gone from too many servers to raise the token on a majority, it lets go and retries', () => {
    const { c, fx } = majorityGranted();
    const rids = ridsOf(fx);
    c.at(15).msg('r1', { type: 'reply', rid: rids['r1'] as number, result: 1 });
    c.at(16).msg('r2', { type: 'reply', rid: rids['r2'] as number, result: 0 });
    const lost = c.at(17).msg('r4', { type: 'reply', rid: rids['r4'] as number, result: 0 });
    expect(facts(lost, 'refused')).toEqual([{ kind: 'refused', lock: 'L', attempt: 1, granted: 3, why: 'token 7 raised on 1 of 5 servers' }]);
    expect(cmds(lost).filter((x) => x.op === 'cad')).toHaveLength(5);
    expect(facts(lost, 'retry')).toHaveLength(1);
  });
});

describe('the article’s lock client', () => {
  it('uses the one value "unique_value" for every client', () => {
    const c = lockClient({ variant: 'article' });
    expect(cmds(c.at(0).command({ op: 'acquire' }))[0]).toMatchObject({ value: 'unique_value' });
  });

  it('renews with EXPIRE in whole seconds: 0 for a sub-second TTL', () => {
    const c = holding('article', { ttlMs: 800 });
    expect(timers(c.effects)).toContain('renew:r1@400');
    expect(cmds(c.at(410).timer('renew:r1'))).toEqual([{ to: 'r1', op: 'cae', key: 'L', value: 'unique_value', seconds: 0 }]);
  });

  it('ignores a renewal answer of 0, and stops renewing silently when one never returns', () => {
    const c = holding('article', { ttlMs: 2000 });
    const rid = ridsOf(c.at(1010).timer('renew:r1'))['r1'] as number;
    expect(facts(c.at(1020).msg('r1', { type: 'reply', rid, result: 0 }))).toEqual([]);
    c.at(2010).timer('renew:r1');
    const fx = c.at(3010).timer('renew:r1');
    expect(facts(fx)).toEqual([{ kind: 'renew-failed', lock: 'L', server: 'r1', why: 'no reply before the next tick; the renewal stops and the holder is not told' }]);
    expect(facts(fx, 'lost')).toEqual([]);
    expect(c.state?.phase).toBe('holding');
  });

  it('an Unlock whose script answers 0 is an error; a second Unlock panics', () => {
    const c = holding('article');
    c.at(100).command({ op: 'release' }, 'op2');
    expect(facts(c.at(110).msg('r1', { type: 'reply', rid: 2, result: 0 }))).toEqual([{ kind: 'unlock-error', lock: 'L', server: 'r1', why: 'lock not held by this instance' }]);
    const fx = c.at(200).command({ op: 'release' }, 'op3');
    expect(facts(fx, 'panic')).toEqual([{ kind: 'panic', lock: 'L', why: 'close of closed channel: Unlock called twice' }]);
    expect(fx).toContainEqual({ kind: 'result', opId: 'op3', ok: false, value: 'panic: close of closed channel' });
    expect(cmds(fx)).toEqual([]);
  });

  it('RedLock: a renewal per instance, started when that SET succeeds; never checks the clock', () => {
    const c = lockClient({ variant: 'article', peers: FIVE_SERVERS, params: { ttlMs: 1000 } });
    const rids = ridsOf(c.at(0).command({ op: 'acquire' }));
    expect(timers(c.at(900).msg('r1', { type: 'reply', rid: rids['r1'] as number, result: { token: 1 } }))).toEqual(['renew:r1@500']);
    for (const r of ['r2', 'r3']) c.at(4000).msg(r, { type: 'reply', rid: rids[r] as number, result: { token: 1 } });
    for (const r of ['r4', 'r5']) c.at(4000).msg(r, { type: 'reply', rid: rids[r] as number, result: null });
    expect(facts(c.effects, 'acquired')).toEqual([{ kind: 'acquired', lock: 'L', token: 1 }]);
  });

  it('RedLock: after a failed round its retry cannot renew, and its Unlock then panics without deleting anything', () => {
    const c = lockClient({ variant: 'article', peers: FIVE_SERVERS, params: { ttlMs: 1000 } });
    const first = ridsOf(c.at(0).command({ op: 'acquire' }));
    for (const r of ['r1', 'r2', 'r3', 'r4', 'r5']) c.at(10).msg(r, { type: 'reply', rid: first[r] as number, result: null });
    expect(c.state?.stopClosed).toBe(true);
    const second = ridsOf(c.at(110).timer('retry'));
    let fx: readonly Effect[] = [];
    for (const r of ['r1', 'r2', 'r3', 'r4', 'r5']) fx = c.at(120).msg(r, { type: 'reply', rid: second[r] as number, result: { token: 2 } });
    expect(facts(fx, 'acquired')).toHaveLength(1);
    expect(timers(fx).filter((t) => t.startsWith('renew'))).toEqual([]);
    const unlock = c.at(300).command({ op: 'release' }, 'op2');
    expect(facts(unlock, 'panic')).toHaveLength(1);
    expect(cmds(unlock)).toEqual([]);
  });
});
