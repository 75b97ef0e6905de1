import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heapPop, heapPush, type Scheduled } from './eventQueue';

describe('event queue', () => {
  it('pops items in (time, sequence) order, whatever the order they were pushed in', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 1_000_000 })), { maxLength: 300 }), (pairs) => {
        const heap: Scheduled[] = [];
        const items = pairs.map(([t], i) => ({ t, seq: i }));
        for (const item of [...items].reverse()) heapPush(heap, item);
        const popped: Scheduled[] = [];
        for (let x = heapPop(heap); x !== undefined; x = heapPop(heap)) popped.push(x);
        const expected = [...items].sort((a, b) => a.t - b.t || a.seq - b.seq);
        expect(popped).toEqual(expected);
      }),
    );
  });

  it('holds 100,000 pending events', () => {
    const heap: Scheduled[] = [];
    for (let i = 0; i < 100_000; i++) heapPush(heap, { t: (i * 7919) % 100_003, seq: i });
    let last = -1;
    let outOfOrder = 0;
    let count = 0;
    for (let x = heapPop(heap); x !== undefined; x = heapPop(heap)) {
      if (x.t < last) outOfOrder++;
      last = x.t;
      count++;
    }
    expect(count).toBe(100_000);
    expect(outOfOrder).toBe(0);
  });
});
