import { describe, expect, it } from 'vitest';
import { runTo, sha256 } from '../helpers';

const faults = [
  { at: 150, kind: 'network', settings: { lossRate: 0.2, duplicateRate: 0.2, latencyMsMax: 40 } },
  { at: 300, kind: 'crash', node: 'n2' },
  { at: 450, kind: 'cut', from: 'n1', to: 'n3', oneWay: false },
  { at: 500, kind: 'restart', node: 'n2' },
  { at: 650, kind: 'pause', node: 'n3', ms: 120 },
  { at: 700, kind: 'skew', node: 'n1', ms: 250 },
  { at: 900, kind: 'healAll' },
] as const;

describe('determinism', () => {
  it('gives the same trace bytes for the same seed and actions', () => {
    const a = runTo({ seed: 11, actions: faults }, 2000).lines();
    const b = runTo({ seed: 11, actions: faults }, 2000).lines();
    expect(a.length).toBeGreaterThan(1000);
    expect(sha256(b)).toBe(sha256(a));
  });

  it('gives a different trace for another seed', () => {
    const a = runTo({ seed: 11, actions: faults }, 2000).lines();
    const b = runTo({ seed: 12, actions: faults }, 2000).lines();
    expect(sha256(b)).not.toBe(sha256(a));
  });

  it('numbers events in order and never goes back in time', () => {
    const { events } = runTo({ seed: 3, actions: faults }, 2000);
    events.forEach((e, i) => expect(e.seq).toBe(i + 1));
    const backwards = events.filter((e, i) => i > 0 && e.t < events[i - 1]!.t);
    expect(backwards).toEqual([]);
  });

  it("keeps one node's randomness unchanged when a node is added", () => {
    // n1's first tick comes from n1's own stream, whatever the number of nodes.
    const firstTick = (nodes: number) => runTo({ seed: 5, params: { nodes } }, 200).events.find((e) => e.type === 'timer' && e.node === 'n1')?.t;
    expect(firstTick(3)).toBeDefined();
    expect(firstTick(5)).toBe(firstTick(3));
  });
});
