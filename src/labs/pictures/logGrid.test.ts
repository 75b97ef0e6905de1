import { describe, expect, it } from 'vitest';
import { holdersByIndex, majority } from './logGrid';

describe('log grid arithmetic', () => {
  it('computes majorities', () => {
    expect([1, 2, 3, 4, 5, 9].map(majority)).toEqual([1, 2, 2, 3, 3, 5]);
  });

  it('counts the logs holding each entry (same index, same term)', () => {
    const a = [{ term: 1 }, { term: 2 }, { term: 2 }];
    const b = [{ term: 1 }, { term: 2 }];
    const c = [{ term: 1 }, { term: 3 }];
    expect(holdersByIndex(a, [a, b, c])).toEqual([3, 2, 1]);
  });
});
