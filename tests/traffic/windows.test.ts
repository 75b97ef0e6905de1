/** The window limiters: the three ways to count, and the key table of each variant. */
import { describe, expect, it } from 'vitest';
import { windowProtocol, type WindowNodeState } from '../../src/protocols/traffic';
import { decideWindow, emptyWindow, type KeyWindow, type WindowAlgorithm } from '../../src/protocols/traffic/limiter/windows';
import { Driven, facts, responses } from './harness';

const LIMIT = { limit: 10, windowMs: 1000 };

/** Decisions for requests at `times`, one key. */
function admitted(algorithm: WindowAlgorithm, times: readonly number[]): number[] {
  let w: KeyWindow = emptyWindow(0);
  const out: number[] = [];
  for (const t of times) {
    const d = decideWindow(algorithm, w, LIMIT, t);
    w = d.window;
    if (d.allowed) out.push(t);
  }
  return out;
}

const tenAt = (t: number) => Array.from({ length: 10 }, () => t);

describe('window algorithms', () => {
  it('fixed window: ten before the boundary and ten after all pass, twenty within 100 ms', () => {
    expect(admitted('fixed-window', [...tenAt(990), ...tenAt(1090)])).toHaveLength(20);
  });

  it('sliding log: the same twenty, only the first ten pass; the next pass once a full window has gone by', () => {
    expect(admitted('sliding-log', [...tenAt(990), ...tenAt(1090)])).toHaveLength(10);
    expect(admitted('sliding-log', [...tenAt(990), ...tenAt(1989), ...tenAt(1991)])).toEqual(tenAt(990).concat(tenAt(1991)));
  });

  it('sliding log (as the seed): a request exactly one window old still counts', () => {
    expect(admitted('sliding-log', [...tenAt(0), 1000])).toHaveLength(10);
    expect(admitted('sliding-log', [...tenAt(0), 1000.001])).toHaveLength(11);
  });

  it('sliding-window counter: 100 ms into the next window the previous one weighs 0.9, so one more passes', () => {
    expect(admitted('sliding-counter', [...tenAt(990), ...tenAt(1100)])).toHaveLength(11);
    // Two windows later the old count no longer weighs at all.
    expect(admitted('sliding-counter', [...tenAt(990), ...tenAt(2100)])).toHaveLength(20);
  });
});

function limiter(variant: string, params: Record<string, number> = {}) {
  const node = new Driven(windowProtocol('sliding-log'), { variant, params: { limit: 2, windowMs: 1000, ...params } });
  node.start();
  return node;
}

const keyCount = (n: Driven<WindowNodeState>) => Object.keys((n.state as WindowNodeState).keys).length;

describe('the window limiter node', () => {
  it('counts per key and answers rejected past the limit', () => {
    const n = limiter('hardened');
    n.request('a1', { key: 'a' });
    n.request('a2', { key: 'a' });
    n.request('b1', { key: 'b' });
    expect(responses(n.request('a3', { key: 'a' }))).toEqual(['a3=rejected']);
    expect(facts(n.effects, 'decision')).toEqual([{ kind: 'decision', key: 'a', allowed: false, count: 2, keys: 2, reason: 'window full' }]);
  });

  it('article: keeps every key it ever saw', () => {
    const n = limiter('article');
    for (let i = 0; i < 50; i++) n.at(i * 100).request(`r${i}`, { key: `k${i}` });
    n.at(60_000).request('late', { key: 'k0' });
    expect(keyCount(n)).toBe(50);
  });

  it('hardened: sweeps out keys idle for two windows', () => {
    const n = limiter('hardened');
    for (let i = 0; i < 50; i++) n.at(i * 100).request(`r${i}`, { key: `k${i}` });
    n.at(5000).timer('sweep');
    // Keys idle for two windows (2000 ms) or more go: k0..k30, last seen at 3000 ms or before.
    expect(keyCount(n)).toBe(19);
    expect((n.state as WindowNodeState).evicted).toBe(31);
  });

  it('hardened: turns a new key away when the table is full of active keys, rather than forget one', () => {
    const n = limiter('hardened', { maxKeys: 3 });
    ['a', 'b', 'c'].forEach((k) => n.request(k, { key: k }));
    expect(responses(n.request('d', { key: 'd' }))).toEqual(['d=rejected']);
    expect(facts(n.effects, 'decision')[0]).toMatchObject({ allowed: false, reason: 'too many keys' });
    // Once the old ones are idle, the new key finds room.
    expect(responses(n.at(2000).request('d2', { key: 'd' }))).toEqual([]);
    expect(keyCount(n)).toBe(1);
  });
});
