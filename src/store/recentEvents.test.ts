import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../sim/trace';
import type { RunUpdate } from '../runtime/browser/controller';
import type { Frame } from '../runtime/frame';
import { appStore } from './appStore';
import { appendRecent, isNewHalt, mergeUpdates, mergeViolations } from './recentEvents';
import { applyUpdate, clearRun } from './runActions';

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

describe('mergeUpdates', () => {
  const frame = (now: number) => ({ now, eventCount: now, nodes: [] }) as unknown as Frame;
  const update = (now: number, seqs: number[], extra: Partial<RunUpdate> = {}): RunUpdate => ({ frame: frame(now), events: seqs.map(timer), reset: false, playing: true, halted: [], ...extra });
  const state = () => {
    const s = appStore.getState();
    return { now: s.frame?.now, events: s.events.map((e) => e.seq), halted: s.halted.map((e) => e.seq), playing: s.playing, violations: s.violations.map((v) => v.seq) };
  };
  /** Applies the updates one by one, then merged into one, and returns both store states. */
  const both = (base: RunUpdate, updates: RunUpdate[]) => {
    clearRun();
    applyUpdate(base);
    updates.forEach(applyUpdate);
    const oneByOne = state();
    clearRun();
    applyUpdate(base);
    applyUpdate(updates.reduce(mergeUpdates));
    return [oneByOne, state()] as const;
  };

  it('leaves the page as if every update had been applied in turn', () => {
    const [oneByOne, merged] = both(update(1, [1]), [update(2, [2, 3]), update(3, []), update(4, [4, violation(5, 'r').seq], { playing: false })]);
    expect(merged).toEqual(oneByOne);
    expect(merged.events).toEqual([1, 2, 3, 4, 5]);
    expect(merged.now).toBe(4);
    expect(merged.playing).toBe(false);
  });

  it('starts the events over at a reset, as a seek does', () => {
    const [oneByOne, merged] = both(update(1, [1, 2]), [update(2, [3]), update(1, [7], { reset: true }), update(2, [8])]);
    expect(merged).toEqual(oneByOne);
    expect(merged.events).toEqual([7, 8]);
  });

  it('keeps a halt and its violation', () => {
    const v = violation(9, 'r');
    const halting = { ...update(5, []), events: [v], halted: [v], playing: false };
    const [oneByOne, merged] = both(update(1, [1]), [update(2, [2]), halting]);
    expect(merged).toEqual(oneByOne);
    expect(merged.halted).toEqual([9]);
    expect(merged.violations).toEqual([9]);
  });
});
