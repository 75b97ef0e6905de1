import { describe, expect, it } from 'vitest';
import { ActionParseError, decodeActions, encodeActions, type Action } from './actions';

describe('compact actions in URLs', () => {
  const all: Action[] = [
    { at: 100, kind: 'crash', node: 'n1' },
    { at: 200, kind: 'restart', node: 'n1' },
    { at: 250, kind: 'pause', node: 'n2', ms: 300 },
    { at: 260, kind: 'skew', node: 'n2', ms: -500 },
    { at: 270, kind: 'drift', node: 'n3', rate: 1.05 },
    { at: 300, kind: 'cut', from: 'n1', to: 'n2', oneWay: false },
    { at: 310, kind: 'cut', from: 'n2', to: 'n3', oneWay: true },
    { at: 320, kind: 'heal', from: 'n1', to: 'n2' },
    { at: 325, kind: 'delay', from: 'c1', to: 'storage', ms: 250 },
    { at: 330, kind: 'isolate', node: 'n3' },
    { at: 335, kind: 'bridge', node: 'n3' },
    { at: 340, kind: 'split', groups: [['n1', 'n2'], ['n3', 'n4', 'n5']] },
    { at: 350, kind: 'healAll' },
    { at: 360, kind: 'network', settings: { latencyMsMin: 2, lossRate: 0.25 } },
    { at: 370, kind: 'command', node: 'n1', cmd: { op: 'put', key: 'x y', value: 1 } },
    { at: 380, kind: 'command', node: 'n2', cmd: { op: 'put', key: 'a~b', value: '~,:|.' } },
  ];

  it('round-trips every kind of action', () => {
    const text = encodeActions(all);
    expect(text).not.toMatch(/[\s#&]/);
    expect(decodeActions(text)).toEqual(all);
  });

  it('reads an empty list', () => {
    expect(decodeActions('')).toEqual([]);
  });

  it.each([
    ['abc:crash:n1', /not a number/],
    ['100:explode:n1', /unknown action "explode"/],
    ['100:crash:', /not a node id/],
    ['100:pause:n1,soon', /not a number/],
    ['100:net:speed=3', /unknown network setting "speed"/],
    ['100:cmd:n1,%7Bnope', /not valid JSON/],
    ['-5:crash:n1', /must not be negative/],
    ['100:delay:n1,n2,-5', /delay must not be negative/],
  ])('rejects %s with a clear error', (text, message) => {
    expect(() => decodeActions(text)).toThrow(ActionParseError);
    expect(() => decodeActions(text)).toThrow(message);
  });
});
