import { describe, expect, it } from 'vitest';
import { beaconLab } from '../../tests/fixtures/beaconLab';
import { specFor } from '../../tests/helpers';
import { ParamError } from '../sim/params';
import { resolveLabParams } from '../runtime/runnableLab';
import { majorityMinority, networkChange, paramsForVariant, withParams } from './specEdits';

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

describe('switching the variant', () => {
  const guarded = { ...beaconLab, params: [...beaconLab.params, { name: 'guard', label: 'Guard', kind: 'boolean' as const, default: true, variantDefaults: { article: false } }] };

  it('moves a parameter left at the old variant’s default to the new one’s, and keeps what the person chose', () => {
    const hardened = resolveLabParams(guarded, { tickMs: 50 }, 'hardened');
    const article = paramsForVariant(guarded, hardened, 'hardened', 'article');
    expect([article['guard'], article['tickMs']]).toEqual([false, 50]);
    expect(paramsForVariant(guarded, article, 'article', 'hardened')['guard']).toBe(true);
    const chosen = resolveLabParams(guarded, { guard: true }, 'article');
    expect(paramsForVariant(guarded, chosen, 'article', 'hardened')['guard']).toBe(true);
    expect(paramsForVariant(guarded, { ...hardened, guard: false }, 'hardened', 'article')['guard']).toBe(false);
  });
});
