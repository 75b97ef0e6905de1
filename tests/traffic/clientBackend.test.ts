/** Clients (load shapes, operations in the trace) and the backend (live settings). */
import { describe, expect, it } from 'vitest';
import { backendProtocol, clientProtocol, type BackendState } from '../../src/protocols/traffic';
import { loadTick, rampRps, type LoadSettings } from '../../src/protocols/traffic/client/loadShape';
import { Driven, facts, results, sends, timers } from './harness';

const LOAD: LoadSettings = { shape: 'constant', intervalMs: 100, burstSize: 20, rampPeakRps: 50, rampMs: 10_000 };

describe('load shapes', () => {
  it('constant, bursts and ramp follow their settings', () => {
    expect(loadTick(LOAD, 0, () => 0.5)).toEqual({ count: 1, nextInMs: 100 });
    expect(loadTick({ ...LOAD, shape: 'bursts' }, 0, () => 0.5)).toEqual({ count: 20, nextInMs: 100 });
    expect(rampRps({ ...LOAD, shape: 'ramp' }, 5000)).toBe(30);
    expect(loadTick({ ...LOAD, shape: 'ramp' }, 20_000, () => 0.5).nextInMs).toBe(20);
  });

  it('poisson gaps average the interval (10 000 draws of a seeded-like stream)', () => {
    let x = 0.123;
    const next = () => (x = (x * 9301 + 0.49297) % 1);
    const gaps = Array.from({ length: 10_000 }, () => loadTick({ ...LOAD, shape: 'poisson' }, 0, next).nextInMs ?? 0);
    expect(gaps.reduce((a, b) => a + b, 0) / gaps.length).toBeGreaterThan(95);
    expect(gaps.reduce((a, b) => a + b, 0) / gaps.length).toBeLessThan(105);
  });
});

describe('a client', () => {
  it('logs each request as an operation and its answer as ok with the verdict, or fail', () => {
    const c = new Driven(clientProtocol(['bucket']), { id: 'c1', params: { load: 'off' } });
    c.start();
    c.command({ op: 'burst', count: 3 }, 'cmd');
    expect(c.effects.filter((e) => e.kind === 'invoke').map((e) => (e.kind === 'invoke' ? e.opId : ''))).toEqual(['c1.1', 'c1.2', 'c1.3']);
    expect(sends(c.effects).map((s) => `${s.to}:${String(s.msg['id'])}`)).toEqual(['bucket:c1.1', 'bucket:c1.2', 'bucket:c1.3']);
    expect(results(c.effects)).toEqual([{ opId: 'cmd', ok: true, value: { sent: 3 } }]);
    expect(results(c.msg('bucket', { type: 'Response', id: 'c1.1', result: 'allowed' }))).toEqual([{ opId: 'c1.1', ok: true, value: { result: 'allowed' } }]);
    expect(results(c.msg('bucket', { type: 'Response', id: 'c1.2', result: 'rejected', detail: 'rate limit exceeded' }))).toEqual([
      { opId: 'c1.2', ok: true, value: { result: 'rejected', reason: 'rate limit exceeded' } },
    ]);
    expect(results(c.msg('bucket', { type: 'Response', id: 'c1.3', result: 'error', detail: 'outage' }))).toEqual([{ opId: 'c1.3', ok: false, value: { error: 'outage' } }]);
    // A duplicate answer is not a second result.
    expect(results(c.msg('bucket', { type: 'Response', id: 'c1.3', result: 'allowed' }))).toEqual([]);
  });

  it('sends each request to every gate it knows, as separate operations, and gives up after its timeout', () => {
    const c = new Driven(clientProtocol(['log', 'fixed']), { id: 'c2', params: { load: 'constant', clientIntervalMs: 50, requestTimeoutMs: 300 } });
    expect(timers(c.start())).toEqual([{ name: 'send', delayMs: 25 }]);
    c.at(25).timer('send');
    expect(sends(c.effects).map((s) => String(s.msg['id']))).toEqual(['c2.1.log', 'c2.1.fixed']);
    expect(results(c.at(325).timer('timeout:c2.1.log'))).toEqual([{ opId: 'c2.1.log', ok: false, value: { error: 'timeout' } }]);
  });
});

describe('the backend', () => {
  function backend() {
    const b = new Driven(backendProtocol, { id: 'backend', params: { backendLatencyMs: 100, backendSlowMs: 3000 } });
    b.start();
    return b;
  }

  it('answers after its latency (±20%), fails with its error rate, and switches live', () => {
    const b = backend();
    b.willDraw(0.9, 0.5);
    expect(timers(b.msg('g', { type: 'Call', id: 'a' }))).toEqual([{ name: 'reply:a', delayMs: 100 }]);
    expect(sends(b.timer('reply:a'))).toEqual([{ to: 'g', msg: { type: 'Reply', id: 'a', ok: true } }]);
    b.command({ op: 'slow', on: true });
    expect(facts(b.effects, 'backend')).toEqual([{ kind: 'backend', outage: false, slow: true, errorRate: 0, latencyMs: 100 }]);
    b.willDraw(0.9, 0.5);
    expect(timers(b.msg('g', { type: 'Call', id: 'b' }))).toEqual([{ name: 'reply:b', delayMs: 3000 }]);
    b.command({ op: 'errorRate', value: 1 });
    b.willDraw(0.5, 0.5);
    b.msg('g', { type: 'Call', id: 'c' });
    expect(sends(b.timer('reply:c'))[0]?.msg).toMatchObject({ ok: false });
    b.command({ op: 'outage', on: true });
    expect(sends(b.msg('g', { type: 'Call', id: 'd' }))).toEqual([{ to: 'g', msg: { type: 'Reply', id: 'd', ok: false, error: 'outage' } }]);
    expect((b.state as BackendState).failed).toBe(2);
  });

  it('refuses a bad setting and names the commands it takes', () => {
    const b = backend();
    expect(results(b.command({ op: 'errorRate', value: 2 }))[0]).toMatchObject({ ok: false });
    expect(String(results(b.command({ op: 'nope' }))[0]?.value)).toContain('"op":"outage"');
  });
});
