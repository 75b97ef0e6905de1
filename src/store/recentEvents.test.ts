import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../sim/trace';
import { appendRecent, isNewHalt, mergeViolations } from './recentEvents';

const timer = (seq: number): TraceEvent => ({ t: seq, seq, type: 'timer', node: 'n1', name: 'tick' });
const violation = (seq: number, rule: string): TraceEvent => ({ t: seq, seq, type: 'violation', rule, nodes: ['n1'], detail: `d${seq}` });

describe('appendRecent', () => {
  it('keeps everything under the cap, oldest first', () => {
    expect(appendRecent([timer(1)], [timer(2), timer(3)], 5).map((e) => e.seq)).toEqual([1, 2, 3]);
  });
  it('drops the oldest over the cap', () => {
    expect(appendRecent([timer(1), timer(2), timer(3)], [timer(4), timer(5)], 3).map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(appendRecent([timer(1)], [timer(2), timer(3), timer(4)], 2).map((e) => e.seq)).toEqual([3, 4]);
  });
  it('returns the same array when nothing is added', () => {
    const kept = [timer(1)];
    expect(appendRecent(kept, [], 3)).toBe(kept);
  });
});

describe('mergeViolations', () => {
  it('keeps the newest violation of each rule', () => {
    const merged = mergeViolations([], [timer(1), violation(2, 'a')], [violation(3, 'b'), violation(4, 'a')]);
    expect(merged.map((v) => `${v.rule}@${v.seq}`)).toEqual(['a@4', 'b@3']);
  });
  it('returns the same array when there are no violations', () => {
    const known = mergeViolations([], [violation(1, 'a')]);
    expect(mergeViolations(known, [timer(2)], [violation(1, 'a')])).toEqual(known);
    expect(mergeViolations(known, [timer(2)])).toBe(known);
  });
});

describe('isNewHalt', () => {
  it('is true only when the newest violation changes', () => {
    expect(isNewHalt([], [])).toBe(false);
    expect(isNewHalt([], [violation(5, 'a')])).toBe(true);
    expect(isNewHalt([violation(5, 'a')], [violation(5, 'a')])).toBe(false);
    expect(isNewHalt([violation(5, 'a')], [violation(5, 'a'), violation(9, 'b')])).toBe(true);
    expect(isNewHalt([violation(5, 'a')], [])).toBe(false);
  });
});
