import { describe, expect, it } from 'vitest';
import { beaconLab } from '../../tests/fixtures/beaconLab';
import { specFor } from '../../tests/helpers';
import { ParamError } from '../sim/params';
import { majorityMinority, networkChange, withParams } from './specEdits';

describe('specEdits', () => {
  it('keeps actions on nodes the new topology still has', () => {
    const spec = specFor(beaconLab, {
      params: { nodes: 5 },
      actions: [
        { at: 1, kind: 'crash', node: 'n5' },
        { at: 2, kind: 'cut', from: 'n1', to: 'n2', oneWay: false },
        { at: 3, kind: 'healAll' },
      ],
    });
    const smaller = withParams(beaconLab, spec, { nodes: 3 });
    expect(smaller.params['nodes']).toBe(3);
    expect(smaller.actions.map((a) => a.kind)).toEqual(['cut', 'healAll']);
    expect(() => withParams(beaconLab, spec, { nodes: 30 })).toThrow(ParamError);
  });

  it('moves latency min and max together', () => {
    const net = { latencyMsMin: 5, latencyMsMax: 15, lossRate: 0, duplicateRate: 0 };
    expect(networkChange(net, 'latencyMsMin', 20)).toEqual({ latencyMsMin: 20, latencyMsMax: 20 });
    expect(networkChange(net, 'latencyMsMax', 2)).toEqual({ latencyMsMin: 2, latencyMsMax: 2 });
    expect(networkChange(net, 'lossRate', 0.5)).toEqual({ lossRate: 0.5 });
  });

  it('splits a majority from a minority', () => {
    expect(majorityMinority(['a', 'b', 'c', 'd', 'e'])).toEqual([['a', 'b', 'c'], ['d', 'e']]);
  });

  it('gives an even cluster a real majority, never two equal halves', () => {
    expect(majorityMinority(['a', 'b', 'c', 'd'])).toEqual([['a', 'b', 'c'], ['d']]);
    expect(majorityMinority(['a', 'b', 'c', 'd', 'e', 'f'])).toEqual([['a', 'b', 'c', 'd'], ['e', 'f']]);
  });
});
