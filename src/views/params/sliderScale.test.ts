import { describe, expect, it } from 'vitest';
import { NETWORK_PARAMS } from '../../sim/params';
import { niceRound, sliderScale } from './sliderScale';

const latency = NETWORK_PARAMS.find((p) => p.name === 'latencyMsMin') as Extract<(typeof NETWORK_PARAMS)[number], { kind: 'number' }>;
const loss = NETWORK_PARAMS.find((p) => p.name === 'lossRate') as Extract<(typeof NETWORK_PARAMS)[number], { kind: 'number' }>;

describe('sliderScale', () => {
  it('steps through small integer ranges one by one', () => {
    const s = sliderScale({ name: 'nodes', label: 'Nodes', kind: 'int', min: 2, max: 9, default: 3 });
    expect(s.steps).toBe(7);
    expect(s.toValue(0)).toBe(2);
    expect(s.toValue(7)).toBe(9);
    expect(s.toPosition(5)).toBe(3);
  });

  it('gives rates a hundredth per step', () => {
    const s = sliderScale(loss);
    expect(s.toValue(25)).toBe(0.25);
    expect(s.toPosition(0.5)).toBe(50);
  });

  it('spends most of a wide range on small values, and round-trips them', () => {
    const s = sliderScale(latency);
    expect(s.toValue(0)).toBe(0);
    expect(s.toValue(s.steps)).toBe(10_000);
    expect(s.toValue(s.steps / 2)).toBeLessThan(2000);
    for (const v of [5, 15, 100, 2000]) expect(Math.abs(s.toValue(s.toPosition(v)) - v) / v).toBeLessThan(0.1);
  });

  it('rounds to a precision that suits the value', () => {
    expect(niceRound(0.123, false)).toBe(0.12);
    expect(niceRound(5.56, false)).toBe(5.6);
    expect(niceRound(55.5, false)).toBe(56);
    expect(niceRound(555, false)).toBe(560);
    expect(niceRound(2.5, true)).toBe(3);
  });
});
