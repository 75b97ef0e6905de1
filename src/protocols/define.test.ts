import { describe, expect, it } from 'vitest';
import type { StepContext } from '../sim/node';
import { assert } from './assert';
import { defineProtocol, update } from './define';
import { fact, persist, send } from './effects';

type State = { readonly count: number; readonly log: readonly number[] };
type Msg = { readonly type: 'add'; readonly n: number };

const ctx: StepContext = { id: 'n1', peers: ['n2'], variant: 'hardened', params: {}, now: 0, random: () => 0 };

const counter = defineProtocol<State, Msg, { readonly count: number }>({
  kind: 'counter',
  initial: (persisted) => ({ count: persisted?.count ?? 0, log: [] }),
  onMessage(o, from, m) {
    update(o, { count: o.s.count + m.n });
    update(o, { log: [...o.s.log, m.n] });
    persist(o, 'count', o.s.count);
    send(o, from, { type: 'add', n: o.s.count });
  },
  onCommand(o) {
    fact(o, { kind: 'seen', count: o.s.count });
  },
  invariants(o, given) {
    assert(given === undefined || o.s.count >= given.count, 'the count never goes down');
  },
});

describe('defineProtocol', () => {
  it('starts from what the node persisted', () => {
    expect(counter.step(undefined, { kind: 'start', persisted: { count: 4 } }, ctx).state).toEqual({ count: 4, log: [] });
  });

  it('refuses any other input before a start', () => {
    expect(() => counter.step(undefined, { kind: 'command', opId: 'op1', cmd: {} }, ctx)).toThrow('counter: stepped before start');
  });

  it('writes its own copy of the state, never the one it was given, and keeps the effects in order', () => {
    const given = Object.freeze({ count: 1, log: Object.freeze([1]) });
    const out = counter.step(given, { kind: 'message', from: 'n2', msg: { type: 'add', n: 2 } }, ctx);
    expect(given).toEqual({ count: 1, log: [1] });
    expect(out.state).toEqual({ count: 3, log: [1, 2] });
    expect(out.effects).toEqual([
      { kind: 'persist', key: 'count', value: 3 },
      { kind: 'send', to: 'n2', msg: { type: 'add', n: 3 } },
    ]);
  });

  it('checks its invariants after every step: a broken one throws, which crashes the node', () => {
    expect(() => counter.step({ count: 5, log: [] }, { kind: 'message', from: 'n2', msg: { type: 'add', n: -1 } }, ctx)).toThrow('assertion failed: the count never goes down');
  });
});
