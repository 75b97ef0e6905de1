import { describe, expect, it } from 'vitest';
import { nextFloat, nextInt, nextUint32, streamState } from './random';

describe('seeded random streams', () => {
  it('gives the same numbers for the same seed and stream name', () => {
    const a = streamState(42, 'node:n1');
    const b = streamState(42, 'node:n1');
    const xs = Array.from({ length: 5 }, () => nextUint32(a));
    expect(Array.from({ length: 5 }, () => nextUint32(b))).toEqual(xs);
  });

  it('gives different numbers for another seed or another stream', () => {
    const first = nextUint32(streamState(42, 'node:n1'));
    expect(nextUint32(streamState(43, 'node:n1'))).not.toBe(first);
    expect(nextUint32(streamState(42, 'node:n2'))).not.toBe(first);
  });

  it('keeps each stream independent of which other streams exist', () => {
    const alone = streamState(7, 'link:n1>n2');
    const withOthers = streamState(7, 'link:n1>n2');
    const other = streamState(7, 'node:n9');
    nextUint32(other);
    expect(nextUint32(withOthers)).toBe(nextUint32(alone));
  });

  it('spreads floats over [0, 1) evenly', () => {
    const s = streamState(1, 'x');
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const f = nextFloat(s);
      if (f < 0 || f >= 1) outside++;
      else buckets[Math.floor(f * 10)]!++;
    }
    expect(outside).toBe(0);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
    const ints = new Set(Array.from({ length: 1000 }, () => nextInt(s, 3)));
    expect([...ints].sort()).toEqual([0, 1, 2]);
  });
});
