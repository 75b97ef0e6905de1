import { describe, expect, it } from 'vitest';
import { runTo } from '../../../tests/helpers';
import type { TraceEvent } from '../../sim/trace';
import { buildTimeline, clampTime, followWindow, panWindow, zoomWindow } from './model';

const all = { start: 0, end: Infinity };

describe('buildTimeline', () => {
  it('pairs sends with deliveries and drops, and keeps the rest in flight', () => {
    const events: TraceEvent[] = [
      { t: 1, seq: 1, type: 'send', from: 'a', to: 'b', msgId: 1, arrive: 5, msg: { type: 'ping' } },
      { t: 2, seq: 2, type: 'send', from: 'b', to: 'a', msgId: 2, msg: { type: 'pong' } },
      { t: 2, seq: 3, type: 'drop', from: 'b', to: 'a', msgId: 2, reason: 'cut' },
      { t: 3, seq: 4, type: 'send', from: 'a', to: 'b', msgId: 3, arrive: 9, msg: {} },
      { t: 5, seq: 5, type: 'deliver', from: 'a', to: 'b', msgId: 1 },
      { t: 6, seq: 6, type: 'crash', node: 'b', error: 'boom' },
      { t: 7, seq: 7, type: 'heal', links: 'all' },
      { t: 8, seq: 8, type: 'violation', rule: 'r', nodes: ['a', 'b'], detail: 'x' },
    ];
    const m = buildTimeline(events, all);
    expect(m.arrows).toEqual([
      { msgId: 1, from: 'a', to: 'b', t0: 1, t1: 5, type: 'ping', end: 'delivered', dropReason: null },
      { msgId: 2, from: 'b', to: 'a', t0: 2, t1: 2, type: 'pong', end: 'dropped', dropReason: 'cut' },
      { msgId: 3, from: 'a', to: 'b', t0: 3, t1: 9, type: 'message', end: 'inFlight', dropReason: null },
    ]);
    expect(m.marks.map((x) => `${x.kind}:${x.node}`)).toEqual(['crash:b', 'violation:a', 'violation:b']);
    expect(m.marks[0]?.label).toBe('crash: boom');
    expect(m.global).toEqual([{ seq: 7, t: 7, label: 'heal all' }]);
  });

  it('keeps only what overlaps the window', () => {
    const run = runTo({ seed: 3 }, 1000);
    const m = buildTimeline(run.events, { start: 400, end: 500 });
    expect(m.arrows.length).toBeGreaterThan(0);
    for (const a of m.arrows) expect(a.t1 >= 400 && a.t0 <= 500).toBe(true);
    for (const x of m.marks) expect(x.t >= 400 && x.t <= 500).toBe(true);
  });
});

describe('time window', () => {
  it('follows the run with now near the right edge', () => {
    expect(followWindow(0, 1000)).toEqual({ start: 0, end: 1000 });
    const w = followWindow(5000, 1000);
    expect(w.end - w.start).toBe(1000);
    expect(w.end).toBeGreaterThan(5000);
    expect(w.start).toBeLessThan(5000);
  });

  it('zooms around the anchor and never before 0', () => {
    const w = zoomWindow({ start: 1000, end: 2000 }, 0.5, 1500);
    expect(w).toEqual({ start: 1250, end: 1750 });
    expect(zoomWindow({ start: 0, end: 100 }, 4, 50).start).toBe(0);
    expect(zoomWindow({ start: 0, end: 2 }, 0.0001, 1).end).toBeGreaterThan(0.99);
  });

  it('pans and clamps', () => {
    expect(panWindow({ start: 100, end: 200 }, -300)).toEqual({ start: 0, end: 100 });
    expect(clampTime(-4, 10)).toBe(0);
    expect(clampTime(40, 10)).toBe(10);
  });
});
