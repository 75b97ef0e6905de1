import { describe, expect, it } from 'vitest';
import { currentStep } from './narration';

const steps = [
  { at: 0, text: 'a' },
  { at: 400, text: 'b' },
  { at: 600, text: 'c' },
];

describe('currentStep', () => {
  it('is the last step at or before now', () => {
    expect(currentStep(steps, 0)).toBe(0);
    expect(currentStep(steps, 399.9)).toBe(0);
    expect(currentStep(steps, 400)).toBe(1);
    expect(currentStep(steps, 10_000)).toBe(2);
    expect(currentStep([{ at: 50, text: 'x' }], 10)).toBe(-1);
    expect(currentStep([], 10)).toBe(-1);
  });
});
