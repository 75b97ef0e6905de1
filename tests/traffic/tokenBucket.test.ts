/** The token bucket's arithmetic and node, article and hardened. */
import { describe, expect, it } from 'vitest';
import { tokenBucketProtocol, type BucketNodeState } from '../../src/protocols/traffic';
import { advance, articleAllow, hardenedAllow, reserve, type Bucket } from '../../src/protocols/traffic/limiter/tokenBucket';
import { calls, Driven, facts, responses, timers } from './harness';

const SEED = { capacity: 100, ratePerSec: 10 };

/** Admissions of one call every `gapMs` for `ms`, starting from an empty bucket. */
function admittedPerSecond(allow: typeof articleAllow, gapMs: number, ms: number): number {
  let bucket: Bucket = { tokens: 0, last: 0 };
  let admitted = 0;
  for (let t = gapMs; t <= ms; t += gapMs) {
    const r = allow(bucket, SEED, t);
    bucket = r.bucket;
    if (r.allowed) admitted++;
  }
  return admitted / (ms / 1000);
}

describe('token bucket arithmetic', () => {
  it('article: calls every 70 ms against 10 tokens/s pass at about 7.1/s, since each refill drops the fraction', () => {
    expect(admittedPerSecond(articleAllow, 70, 14_000)).toBeCloseTo(1000 / 140, 1);
    const first = articleAllow({ tokens: 0, last: 0 }, SEED, 70);
    expect(first).toEqual({ bucket: { tokens: 0, last: 0 }, allowed: false });
    // 140 ms earns 1.4 tokens; one is added, the refill time moves to now and 0.4 is gone.
    expect(articleAllow(first.bucket, SEED, 140)).toEqual({ bucket: { tokens: 0, last: 140 }, allowed: true });
  });

  it('hardened: the same calls pass at the configured 10/s', () => {
    expect(admittedPerSecond(hardenedAllow, 70, 14_000)).toBeCloseTo(10, 1);
  });

  it('both start full and never hold more than the capacity', () => {
    expect(articleAllow({ tokens: 99, last: 0 }, SEED, 60_000).bucket.tokens).toBe(99);
    expect(advance({ tokens: 99, last: 0 }, SEED, 60_000).tokens).toBe(100);
  });

  it('a reservation waits exactly until its token is there, and is not made past the deadline', () => {
    const empty = { tokens: 0.25, last: 0 };
    expect(reserve(empty, SEED, 0, 1000)).toEqual({ bucket: { tokens: -0.75, last: 0 }, waitMs: 75 });
    // The next one queues behind it: 1.75 tokens short is 175 ms.
    expect(reserve({ tokens: -0.75, last: 0 }, SEED, 0, 1000).waitMs).toBe(175);
    expect(reserve(empty, SEED, 0, 50)).toEqual({ bucket: empty, waitMs: null });
  });
});

function bucket(variant: string, params: Record<string, number | string> = {}) {
  const node = new Driven(tokenBucketProtocol, { variant, params: { capacity: 2, refillPerSec: 10, ...params } });
  node.start();
  return node;
}

describe('the token bucket node', () => {
  it('lets a request through to the backend, passes the answer on, and rejects once the tokens are gone', () => {
    const n = bucket('hardened');
    expect(calls(n.request('a'))).toEqual(['a']);
    expect(facts(n.effects, 'decision')).toEqual([{ kind: 'decision', key: 'c1', allowed: true, tokens: 1 }]);
    n.request('b');
    expect(responses(n.request('c'))).toEqual(['c=rejected']);
    expect(facts(n.effects, 'decision')[0]).toMatchObject({ allowed: false, tokens: 0, reason: 'no token' });
    expect(responses(n.reply('a', true))).toEqual(['a=allowed']);
    expect(responses(n.reply('b', false))).toEqual(['b=error']);
  });

  it('fails a call the backend does not answer within callTimeoutMs', () => {
    const n = bucket('hardened', { callTimeoutMs: 300 });
    expect(timers(n.request('a'))).toEqual([{ name: 'call:a', delayMs: 300 }]);
    expect(responses(n.at(300).timer('call:a'))).toEqual(['a=error']);
    expect(responses(n.reply('a', true))).toEqual([]); // Too late: already answered.
  });

  it('article Wait polls Allow every 10 ms until a whole token is there', () => {
    const n = bucket('article');
    n.request('a');
    n.request('b');
    expect(timers(n.at(1).request('w', { waitMs: 500 }))).toEqual([
      { name: 'deadline:w', delayMs: 500 },
      { name: 'poll:w', delayMs: 10 },
    ]);
    for (let t = 11; t < 101; t += 10) expect(timers(n.at(t).timer('poll:w'))).toEqual([{ name: 'poll:w', delayMs: 10 }]);
    // 101 ms since the last refill at 0: int(1.01) = 1 token.
    expect(calls(n.at(101).timer('poll:w'))).toEqual(['w']);
    expect(facts(n.effects, 'decision')[0]).toMatchObject({ allowed: true, waitedMs: 100, polls: 10 });
    expect((n.state as BucketNodeState).polls).toBe(10);
  });

  // A token turns up every 25 ms at 40/s. The request waits up to 25 ms from 1 ms; its polls at 11
  // and 21 find none; the next, at 31, would find one, 5 ms after the caller gave up.
  it('article Wait gives up at its deadline, between two polls, as ctx.Done() does', () => {
    const n = bucket('article', { refillPerSec: 40 });
    n.request('a');
    n.request('b');
    n.at(1).request('w', { waitMs: 25 });
    n.at(11).timer('poll:w');
    n.at(21).timer('poll:w');
    expect(responses(n.at(26).timer('deadline:w'))).toEqual(['w=rejected']);
    expect(facts(n.effects, 'decision')[0]).toMatchObject({ allowed: false, reason: 'deadline', waitedMs: 25, polls: 2 });
    expect(n.effects).toContainEqual({ kind: 'cancelTimer', name: 'poll:w' });
    expect(calls(n.at(31).timer('poll:w'))).toEqual([]);
    expect((n.state as BucketNodeState).bucket.tokens).toBe(0);
  });

  it('hardened Wait reserves the token and sets one timer for exactly when it is there', () => {
    const n = bucket('hardened');
    n.request('a');
    n.request('b');
    expect(timers(n.request('w1', { waitMs: 500 }))).toEqual([{ name: 'grant:w1', delayMs: 100 }]);
    expect(timers(n.request('w2', { waitMs: 500 }))).toEqual([{ name: 'grant:w2', delayMs: 200 }]);
    expect(responses(n.request('w3', { waitMs: 250 }))).toEqual(['w3=rejected']);
    expect(calls(n.at(100).timer('grant:w1'))).toEqual(['w1']);
    expect(facts(n.effects, 'decision')[0]).toMatchObject({ allowed: true, waitedMs: 100 });
  });

  it('hardened Wait: a grant timer that fires before the token is there by the bucket\'s clock (it slowed or was set back) waits on', () => {
    const n = bucket('hardened');
    n.request('a');
    n.request('b');
    n.request('w', { waitMs: 500 });
    expect(timers(n.at(60).timer('grant:w'))).toEqual([{ name: 'grant:w', delayMs: 40 }]);
    expect(calls(n.effects)).toEqual([]);
    expect(calls(n.at(100).timer('grant:w'))).toEqual(['w']);
  });

  it('with a bucket per request (the seed\'s handler) every request passes', () => {
    const n = bucket('article', { bucketScope: 'per-request' });
    for (let i = 0; i < 50; i++) expect(calls(n.request(`r${i}`))).toEqual([`r${i}`]);
  });

  it('keeps its state plain data', () => {
    const n = bucket('hardened');
    n.request('w', { waitMs: 100 });
    expect(structuredClone(n.state)).toEqual(n.state);
  });
});
