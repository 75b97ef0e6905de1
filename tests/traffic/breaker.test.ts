/** The breaker machines (through XState's pure transition) and the breaker node. */
import { describe, expect, it } from 'vitest';
import { breakerProtocol, type BreakerNodeState } from '../../src/protocols/traffic';
import { breakerMachine, sendBreaker, startBreaker, type StoredBreaker } from '../../src/protocols/traffic/breaker/breakerRun';
import type { BreakerEvent } from '../../src/protocols/traffic/breaker/breakerTypes';
import { calls, Driven, facts, responses } from './harness';

const SETTINGS = { maxFailures: 3, resetTimeoutMs: 1000, halfOpenMaxCalls: 5 };

class Breaker {
  b: StoredBreaker;
  readonly machine;
  constructor(variant: string) {
    this.machine = breakerMachine(variant);
    this.b = startBreaker(this.machine, SETTINGS);
  }
  send(event: BreakerEvent): StoredBreaker {
    this.b = sendBreaker(this.machine, this.b, event);
    return this.b;
  }
  request(now: number): boolean {
    return this.send({ type: 'REQUEST', now }).context.admitted;
  }
  fail(now: number, generation = this.b.context.generation): void {
    this.send({ type: 'FAILURE', now, generation });
  }
  succeed(now: number, generation = this.b.context.generation): void {
    this.send({ type: 'SUCCESS', now, generation });
  }
  /** Admissions of `n` requests at `now`. */
  admits(now: number, n: number): number {
    return Array.from({ length: n }, () => this.request(now)).filter(Boolean).length;
  }
}

function tripped(variant: string): Breaker {
  const b = new Breaker(variant);
  for (let i = 0; i < 3; i++) b.fail(10);
  expect(b.b.state).toBe('open');
  return b;
}

describe.each(['article', 'hardened'])('the %s breaker machine', (variant) => {
  it('trips after maxFailures in a row; a success in between starts the count again', () => {
    const b = new Breaker(variant);
    b.fail(1);
    b.fail(2);
    b.succeed(3);
    b.fail(4);
    b.fail(5);
    expect(b.b.state).toBe('closed');
    b.fail(6);
    expect(b.b.state).toBe('open');
    expect(b.request(7)).toBe(false);
  });

  it('stays open for resetTimeoutMs, then goes half-open on a request', () => {
    const b = tripped(variant);
    expect(b.request(1009)).toBe(false);
    expect(b.request(1011)).toBe(true);
    expect(b.b.state).toBe('half-open');
  });

  it('a failure while half-open opens it again', () => {
    const b = tripped(variant);
    b.request(2000);
    b.fail(2001);
    expect(b.b.state).toBe('open');
  });

  it('its stored form (state name and context) is plain data and resumes the same after structuredClone', () => {
    const b = tripped(variant);
    const copy = structuredClone(b.b);
    expect(copy).toEqual(b.b);
    expect(sendBreaker(b.machine, copy, { type: 'REQUEST', now: 5000 })).toEqual(sendBreaker(b.machine, b.b, { type: 'REQUEST', now: 5000 }));
  });
});

describe('article vs hardened half-open', () => {
  it('article: lets 6 calls through half-open with halfOpenMaxCalls 5 (the first is not counted)', () => {
    expect(tripped('article').admits(2000, 10)).toBe(6);
  });

  it('hardened: lets exactly halfOpenMaxCalls through', () => {
    expect(tripped('hardened').admits(2000, 10)).toBe(5);
  });

  it('article: closes after halfOpenMaxCalls / 2 = 2 successes', () => {
    const b = tripped('article');
    b.admits(2000, 5);
    b.succeed(2001);
    expect(b.b.state).toBe('half-open');
    b.succeed(2002);
    expect(b.b.state).toBe('closed');
  });

  it('hardened: closes after halfOpenMaxCalls successes in a row', () => {
    const b = tripped('hardened');
    b.admits(2000, 5);
    for (let i = 0; i < 4; i++) b.succeed(2001 + i);
    expect(b.b.state).toBe('half-open');
    b.succeed(2010);
    expect(b.b.state).toBe('closed');
  });

  it('hardened: ignores the outcome of a call from an earlier generation', () => {
    const b = tripped('hardened');
    const old = b.b.context.generation - 1;
    b.request(2000);
    b.fail(2001, old);
    expect(b.b.state).toBe('half-open');
    for (let i = 0; i < 5; i++) b.succeed(2002, old);
    expect(b.b.state).toBe('half-open');
  });

  it('article: a late failure while open moves lastFailureTime and keeps it open longer', () => {
    const b = tripped('article');
    b.fail(900);
    expect(b.request(1011)).toBe(false);
    expect(b.request(1901)).toBe(true);
  });
});

describe('the breaker node', () => {
  it('tags each call with its generation, reports changes of state, and refuses while open', () => {
    const n = new Driven(breakerProtocol, { variant: 'hardened', params: SETTINGS });
    expect(facts(n.start(), 'breaker')).toEqual([{ kind: 'breaker', state: 'closed', generation: 0 }]);
    for (const id of ['a', 'b', 'c']) n.request(id);
    n.reply('a', false);
    n.reply('b', false);
    expect(facts(n.reply('c', false), 'breaker')).toEqual([{ kind: 'breaker', state: 'open', generation: 1, from: 'closed' }]);
    expect(responses(n.request('d'))).toEqual(['d=rejected']);
    expect(calls(n.at(1010).request('e'))).toEqual(['e']);
    expect(facts(n.effects, 'decision')).toEqual([{ kind: 'decision', allowed: true, state: 'half-open', generation: 2 }]);
    expect((n.state as BreakerNodeState).calls['e']?.tag).toBe(2);
  });
});
