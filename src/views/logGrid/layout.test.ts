import { describe, expect, it } from 'vitest';
import { columnsThatFit, indexWindow, MIN_COLUMNS, termColor } from './layout';

describe('log grid layout', () => {
  it('shows every index when they fit', () => {
    expect(indexWindow(1, 5, 10)).toEqual({ first: 1, last: 5, hidden: 0 });
  });

  it('keeps the last indices of a long log and counts the hidden ones', () => {
    expect(indexWindow(1, 30, 10)).toEqual({ first: 21, last: 30, hidden: 20 });
    expect(indexWindow(0, 9, 4)).toEqual({ first: 6, last: 9, hidden: 6 });
  });

  it('shows nothing for an empty log', () => {
    const w = indexWindow(1, 0, 10);
    expect(w.last).toBeLessThan(w.first);
    expect(w.hidden).toBe(0);
  });

  it('fits columns after the row header, never fewer than the minimum', () => {
    expect(columnsThatFit(188 + 400, 188, 40)).toBe(10);
    expect(columnsThatFit(100, 188, 40)).toBe(MIN_COLUMNS);
  });

  it('gives a term the same colour every time, and neighbours different ones', () => {
    expect(termColor(3)).toBe(termColor(3));
    expect(termColor(3)).not.toBe(termColor(4));
    expect(termColor(1)).toBe(termColor(13));
  });
});
