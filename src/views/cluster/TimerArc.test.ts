import { describe, expect, it } from 'vitest';
import { timerArcPath } from './TimerArc';

describe('timer arc', () => {
  it('draws an empty arc at zero and a closed ring at one', () => {
    expect(timerArcPath(20, 0)).not.toContain('NaN');
    expect(timerArcPath(20, 1)).toMatch(/^M/);
  });
});
