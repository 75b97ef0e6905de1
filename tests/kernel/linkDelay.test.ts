import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/sim/trace';
import { runTo } from '../helpers';

type Send = Extract<TraceEvent, { type: 'send' }>;
const sends = (events: TraceEvent[]): Send[] => events.filter((e): e is Send => e.type === 'send' && e.arrive !== undefined);
const latency = (e: Send) => (e.arrive ?? e.t) - e.t;

describe('a delay on one link', () => {
  // Beacon's network: 5..15 ms. The delay adds 200 ms on n1<->n2 only.
  const { events } = runTo({ seed: 3, params: { nodes: 3 }, actions: [{ at: 300, kind: 'delay', from: 'n1', to: 'n2', ms: 200 }, { at: 900, kind: 'delay', from: 'n1', to: 'n2', ms: 0 }] }, 1500);
  const between = (a: string, b: string, from: number, to: number) => sends(events).filter((e) => ((e.from === a && e.to === b) || (e.from === b && e.to === a)) && e.t > from && e.t < to);

  it('adds its ms to every message on that link, both ways, and is written to the trace', () => {
    const delayed = between('n1', 'n2', 300, 900);
    expect(delayed.length).toBeGreaterThan(2);
    expect(new Set(delayed.map((e) => e.from))).toEqual(new Set(['n1', 'n2']));
    expect(delayed.every((e) => latency(e) >= 205 && latency(e) <= 215)).toBe(true);
    expect(events.find((e) => e.type === 'network' && e.t === 300)).toMatchObject({ settings: { link: ['n1', 'n2'], delayMs: 200 } });
  });

  it('leaves the other links alone, and a delay of 0 takes it away', () => {
    expect(between('n1', 'n3', 300, 900).every((e) => latency(e) <= 15)).toBe(true);
    const after = between('n1', 'n2', 900, 1500);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((e) => latency(e) <= 15)).toBe(true);
  });
});
