/** Each traffic scenario shows, at its seed, what its title and narration say. */
import { describe, expect, it } from 'vitest';
import { circuitBreakerLab } from '../../src/labs/circuit-breaker/lab';
import { degradationLab } from '../../src/labs/degradation/lab';
import { slidingWindowLab } from '../../src/labs/sliding-window/lab';
import { tokenBucketLab } from '../../src/labs/token-bucket/lab';
import { workerPoolLab } from '../../src/labs/worker-pool/lab';
import type { BucketNodeState, DegradeNodeState, WindowNodeState } from '../../src/protocols/traffic';
import type { LabDefinition } from '../../src/labs/contract/lab';
import { factsOf, runScenario, scenarioOf, violationsOf } from '../paxos/scenarioRun';
import { admitted, admittedRate, breakerStates, decisions, decisionTriggers, outcomes, stateOf } from './scenarioFacts';

const run = (lab: LabDefinition, id: string) => runScenario(lab, scenarioOf(lab, id));

describe('token bucket scenarios', () => {
  it('burst-absorbed: a burst of 80 passes whole; a burst of 150 passes up to the level and the rest is rejected', () => {
    const { events } = run(tokenBucketLab, 'burst-absorbed');
    // The burst and maybe one steady request, all let through.
    const first = decisions(events).filter((f) => f.t >= 1000 && f.t < 1100);
    expect(first.length).toBeGreaterThanOrEqual(80);
    expect(first.every((f) => f.fact['allowed'] === true)).toBe(true);
    expect(Number(first[first.length - 1]?.fact['tokens'])).toBeLessThan(21);
    const second = decisions(events).filter((f) => f.t >= 4000 && f.t < 4100);
    const passed = second.filter((f) => f.fact['allowed'] === true).length;
    expect(passed).toBeGreaterThan(30);
    expect(passed).toBeLessThan(40);
    // The rest of the 150 (one steady request may fall in the same 100 ms) is rejected.
    expect(second.length - passed).toBeGreaterThanOrEqual(150 - passed - 1);
    expect(violationsOf(events)).toEqual([]);
  });

  // The figures of the issue: once the burst is spent, one call every 70 ms against 10 tokens/s.
  it('fractional-loss: the article admits about 7.1 requests a second, not 10', () => {
    const { events } = run(tokenBucketLab, 'fractional-loss');
    expect(admittedRate(events, 3000, 13_000)).toBeCloseTo(1000 / 140, 1);
    expect(violationsOf(events)).toEqual([]);
  });

  it('fractional-kept: the hardened bucket admits the configured 10 a second', () => {
    const { events } = run(tokenBucketLab, 'fractional-kept');
    expect(admittedRate(events, 3000, 13_000)).toBeCloseTo(10, 1);
  });

  it('bucket-per-request: nothing is rejected, and the bucket-bound checker stops the run about 1.1 s in', () => {
    const { events } = run(tokenBucketLab, 'bucket-per-request');
    expect(decisions(events).every((f) => f.fact['allowed'] === true)).toBe(true);
    expect(violationsOf(events)).toEqual(['bucket-bound']);
    const violation = events.find((e) => e.type === 'violation');
    expect(violation?.t).toBeGreaterThan(1000);
    expect(violation?.t).toBeLessThan(1300);
  });

  it('wait-polls vs wait-reserves: the article polls dozens of times per request let through; the hardened bucket never polls', () => {
    const article = run(tokenBucketLab, 'wait-polls');
    const hardened = run(tokenBucketLab, 'wait-reserves');
    const polls = stateOf<BucketNodeState>(article, 'bucket').polls;
    expect(polls / admitted(article.events).length).toBeGreaterThan(10);
    expect(stateOf<BucketNodeState>(hardened, 'bucket').polls).toBe(0);
    // Both let about 10 a second through once the 5 tokens are spent.
    expect(admittedRate(hardened.events, 2000, 12_000)).toBeCloseTo(10, 0);
    expect(admittedRate(article.events, 2000, 12_000)).toBeCloseTo(10, 0);
    // Polling loses the order of arrival; reservations keep it.
    const arrivals = (events: typeof article.events) => admitted(events).map((f) => f.t - Number(f.fact['waitedMs'] ?? 0));
    const inOrder = (times: number[]) => times.every((t, i) => i === 0 || t >= (times[i - 1] as number));
    expect(inOrder(arrivals(article.events))).toBe(false);
    expect(inOrder(arrivals(hardened.events))).toBe(true);
    // Past the 2 s deadline: the article polls until its deadline ends the wait; the hardened
    // bucket says no when the request arrives.
    const refusals = (events: typeof article.events) => decisionTriggers(events, 'bucket').filter((d) => d.fact['allowed'] === false);
    expect(refusals(article.events).length).toBeGreaterThan(5);
    expect(refusals(article.events).every((d) => d.trigger === 'timer deadline' && d.fact['waitedMs'] === 2000)).toBe(true);
    expect(refusals(hardened.events).length).toBeGreaterThan(5);
    expect(refusals(hardened.events).every((d) => d.trigger === 'message Request')).toBe(true);
  });
});

describe('sliding window scenarios', () => {
  it('boundary-burst: the fixed window lets 20 through in 110 ms, the log 10, the counter 11', () => {
    const { events } = run(slidingWindowLab, 'boundary-burst');
    expect(admitted(events, 'fixed')).toHaveLength(20);
    expect(admitted(events, 'log')).toHaveLength(10);
    expect(admitted(events, 'counter')).toHaveLength(11);
    expect(violationsOf(events)).toEqual([]);
  });

  it('keys-pile-up vs keys-evicted: the article tracks every key it saw; the hardened table holds the recent ones', () => {
    const article = run(slidingWindowLab, 'keys-pile-up');
    const hardened = run(slidingWindowLab, 'keys-evicted');
    const keys = (r: typeof article) => Object.keys(stateOf<WindowNodeState>(r, 'log').keys).length;
    expect(keys(article)).toBeGreaterThan(250);
    expect(keys(hardened)).toBeLessThan(130);
    expect(stateOf<WindowNodeState>(hardened, 'log').evicted).toBeGreaterThan(150);
  });
});

describe('circuit breaker scenarios', () => {
  it('trips-and-recovers: closed, open on the outage, half-open probes that fail, and closed once the backend is back', () => {
    const { events } = run(circuitBreakerLab, 'trips-and-recovers');
    const states = breakerStates(events);
    expect(states.map((s) => s.state)).toEqual(['closed', 'open', 'half-open', 'open', 'half-open', 'open', 'half-open', 'closed']);
    expect(states[1]?.t).toBeGreaterThan(1000);
    expect(states[1]?.t).toBeLessThan(1150);
    // Open for a second each time, and closed again after the backend came back at 3.5 s.
    expect((states[2]?.t ?? 0) - (states[1]?.t ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(states[7]?.t).toBeGreaterThan(3500);
    expect(violationsOf(events)).toEqual([]);
  });

  it('article-half-open: 6 calls pass half-open, and the checker catches it', () => {
    const { events } = run(circuitBreakerLab, 'article-half-open');
    expect(violationsOf(events)).toEqual(['half-open-limit']);
    const gen = decisions(events).filter((f) => f.fact['state'] === 'half-open' && f.fact['allowed'] === true);
    const perGeneration = new Map<number, number>();
    for (const f of gen) perGeneration.set(Number(f.fact['generation']), (perGeneration.get(Number(f.fact['generation'])) ?? 0) + 1);
    expect(Math.max(...perGeneration.values())).toBe(6);
  });

  it('flapping: the article closes again and again and lets more than twice as many calls through; the hardened breaker stays open until the backend heals', () => {
    const article = run(circuitBreakerLab, 'flapping-backend');
    const hardened = run(circuitBreakerLab, 'flapping-held-open');
    const closes = (events: typeof article.events) => breakerStates(events).filter((s) => s.state === 'closed' && s.t > 1000 && s.t < 9000).length;
    expect(closes(article.events)).toBeGreaterThanOrEqual(3);
    expect(closes(hardened.events)).toBe(0);
    const during = (events: typeof article.events) => admitted(events).filter((f) => f.t > 1000 && f.t < 9000).length;
    expect(during(article.events)).toBeGreaterThan(2 * during(hardened.events));
    expect(breakerStates(hardened.events).at(-1)?.state).toBe('closed');
  });
});

describe('degradation scenarios', () => {
  it('slow-backend: the article degrades and stays degraded long after the backend healed', () => {
    const r = run(degradationLab, 'slow-backend');
    expect(factsOf(r.events, 'degraded').map((f) => f.fact['on'])).toEqual([true]);
    const late = decisions(r.events).filter((f) => f.t > 15_000);
    expect(late.length).toBeGreaterThan(100);
    expect(late.every((f) => f.fact['path'] === 'fallback')).toBe(true);
    expect(stateOf<DegradeNodeState>(r, 'degrader').degraded).toBe(true);
  });

  it('slow-backend-recovers: the hardened strategy degrades, then goes back to the primary once its window has emptied', () => {
    const { events } = run(degradationLab, 'slow-backend-recovers');
    const changes = factsOf(events, 'degraded');
    expect(changes.map((f) => f.fact['on'])).toEqual([true, false]);
    expect(changes[1]?.t).toBeGreaterThan(9000);
    const late = decisions(events).filter((f) => f.t > 22_000);
    expect(late.length).toBeGreaterThan(50);
    expect(late.every((f) => f.fact['path'] === 'primary')).toBe(true);
  });

  it('lifetime-error-rate: the article never degrades through ten seconds of failures; every request tries the broken backend', () => {
    const { events } = run(degradationLab, 'lifetime-error-rate');
    expect(factsOf(events, 'degraded')).toEqual([]);
    const failedCalls = factsOf(events, 'call').filter((f) => f.fact['ok'] === false);
    expect(failedCalls.length).toBeGreaterThan(190);
    expect(outcomes(events).filter((o) => o === 'fallback').length).toBe(failedCalls.length);
  });

  it('rolling-error-rate: the hardened strategy degrades during the outage and recovers about 10 s after it', () => {
    const { events } = run(degradationLab, 'rolling-error-rate');
    const changes = factsOf(events, 'degraded');
    expect(changes.map((f) => f.fact['on'])).toEqual([true, false]);
    expect(changes[0]?.t).toBeLessThan(20_000);
    expect(changes[1]?.t).toBeGreaterThan(20_000);
    expect(factsOf(events, 'call').filter((f) => f.fact['ok'] === false).length).toBeLessThan(150);
  });
});

describe('worker pool scenarios', () => {
  it('stop-drops-queue: the article runs some tasks and stops with the rest never run; no-lost-task catches it', () => {
    const { events } = run(workerPoolLab, 'stop-drops-queue');
    const stopped = factsOf(events, 'pool').find((f) => f.fact['state'] === 'stopped');
    expect(Number(stopped?.fact['queued'])).toBeGreaterThan(10);
    expect(violationsOf(events)).toEqual(['no-lost-task']);
    // The clients of the dropped tasks never hear back.
    expect(events.filter((e) => e.type === 'ok').length).toBeLessThan(50);
  });

  it('stop-drains-queue: the hardened pool runs all 50 tasks before it stops', () => {
    const { events } = run(workerPoolLab, 'stop-drains-queue');
    expect(factsOf(events, 'task').filter((f) => f.fact['event'] === 'done')).toHaveLength(50);
    expect(outcomes(events).filter((o) => o === 'done')).toHaveLength(50);
    expect(violationsOf(events)).toEqual([]);
  });

  it('failures-recovered: failed and panicked tasks are each reported, and every task is answered', () => {
    const { events } = run(workerPoolLab, 'failures-recovered');
    const ends = factsOf(events, 'task').map((f) => String(f.fact['event']));
    expect(ends.filter((e) => e === 'panicked').length).toBeGreaterThan(5);
    expect(ends.filter((e) => e === 'failed').length).toBeGreaterThan(10);
    const invoked = events.filter((e) => e.type === 'invoke' && e.t < 2800).map((e) => (e.type === 'invoke' ? e.opId : ''));
    const answered = new Set(events.flatMap((e) => (e.type === 'ok' || e.type === 'fail' ? [e.opId] : [])));
    expect(invoked.length).toBeGreaterThan(200);
    expect(invoked.every((id) => answered.has(id))).toBe(true);
  });
});
