/** The traffic views' models, fed frames of real scenario runs at fixed times. */
import { describe, expect, it } from 'vitest';
import { circuitBreakerLab } from '../../src/labs/circuit-breaker/lab';
import { degradationLab } from '../../src/labs/degradation/lab';
import { slidingWindowLab } from '../../src/labs/sliding-window/lab';
import { tokenBucketLab } from '../../src/labs/token-bucket/lab';
import { workerPoolLab } from '../../src/labs/worker-pool/lab';
import { buildFrame, type Frame } from '../../src/runtime/frame';
import { createInProcessRun, runUntil } from '../../src/runtime/inProcess';
import type { Action } from '../../src/sim/actions';
import { resolveLabParams } from '../../src/runtime/runnableLab';
import type { LabDefinition } from '../../src/labs/contract/lab';
import type { TraceEvent } from '../../src/sim/trace';
import { breakerChart, breakerReading } from '../../src/labs/traffic/breakerChartModel';
import { gateSeries, RATE_WINDOW_MS, SPAN_MS } from '../../src/labs/traffic/decisionsModel';
import { degradationGauges } from '../../src/labs/traffic/gaugesModel';
import { poolModel } from '../../src/labs/traffic/poolModel';
import { CODE, LANE_SPAN_MS, type BucketNodeState } from '../../src/protocols/traffic';
import { windowRows } from '../../src/labs/traffic/windowContentsModel';
import { scenarioOf } from '../paxos/scenarioRun';
import { admittedRate } from './scenarioFacts';

function frameAt(lab: LabDefinition, scenarioId: string, t: number): Frame {
  const s = scenarioOf(lab, scenarioId);
  const run = createInProcessRun(lab, { lab: lab.id, variant: s.variant, seed: s.seed, params: resolveLabParams(lab, s.params), actions: s.actions });
  while (runUntil(run.sim, run.stepper, t) === 'halted') run.sim.clearHalt();
  return buildFrame(run.sim);
}

/** A run of `lab` at seed 1 to `t`: its frame then, and its trace. */
function runTo(lab: LabDefinition, variant: string, params: Record<string, number | string>, actions: readonly Action[], t: number): { frame: Frame; events: TraceEvent[] } {
  const events: TraceEvent[] = [];
  const run = createInProcessRun(lab, { lab: lab.id, variant, seed: 1, params: resolveLabParams(lab, params), actions }, { onEvent: (e) => events.push(e) });
  while (runUntil(run.sim, run.stepper, t) === 'halted') run.sim.clearHalt();
  return { frame: buildFrame(run.sim), events };
}

function scenarioTo(lab: LabDefinition, id: string, t: number): { frame: Frame; events: TraceEvent[] } {
  const s = scenarioOf(lab, id);
  return runTo(lab, s.variant, s.params as Record<string, number | string>, s.actions, t);
}

const node = (frame: Frame, id: string) => frame.nodes.find((n) => n.id === id)!;

describe('traffic views', () => {
  it('are listed for each traffic lab', () => {
    expect((tokenBucketLab.panels ?? []).map((p) => p.id)).toEqual(['traffic-decisions']);
    expect((slidingWindowLab.panels ?? []).map((p) => p.id)).toEqual(['window-contents', 'traffic-decisions']);
    expect((circuitBreakerLab.panels ?? []).map((p) => p.id)).toEqual(['breaker-chart', 'traffic-decisions']);
    expect((degradationLab.panels ?? []).map((p) => p.id)).toEqual(['degradation-gauges', 'traffic-decisions']);
    expect((workerPoolLab.panels ?? []).map((p) => p.id)).toEqual(['pool-lanes']);
  });

  it('decisions: the measured rate next to the configured one, in the fractional-token scenarios', () => {
    const article = gateSeries(frameAt(tokenBucketLab, 'fractional-loss', 13_000).nodes);
    const hardened = gateSeries(frameAt(tokenBucketLab, 'fractional-kept', 13_000).nodes);
    expect(article.map((g) => g.id)).toEqual(['bucket']);
    expect(article[0]).toMatchObject({ levelName: 'tokens', levelMax: 100, configuredRps: 10 });
    expect(article[0]?.measuredRps).toBeCloseTo(7.1, 0);
    expect(hardened[0]?.measuredRps).toBeCloseTo(10, 0);
    // Only the last 10 s are drawn: from 3 s on, the burst at 0.5 s left out.
    const times = (article[0]?.ticks ?? []).map((tick) => tick.t);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(3000);
    expect(Math.min(...times)).toBeLessThan(3100);
    expect(Math.max(...times)).toBeLessThanOrEqual(13_000);
  });

  // Each gate once kept only its last 400 points, decisions and outcomes together: at 50 a
  // second the chart showed 16/s and left most of its span empty.
  it('decisions at high rates: the rate shown is the rate let through, and the points reach back across the span', () => {
    const cases = [
      { gate: 'breaker', t: 4150, ...scenarioTo(circuitBreakerLab, 'trips-and-recovers', 4150) },
      { gate: 'bucket', t: 8000, ...runTo(tokenBucketLab, 'hardened', { refillPerSec: 50, clients: 4, load: 'constant', clientIntervalMs: 20 }, [], 8000) },
      { gate: 'log', t: 6000, ...scenarioTo(slidingWindowLab, 'keys-pile-up', 6000) },
    ];
    for (const { gate, t, frame, events } of cases) {
      const g = gateSeries(frame.nodes).find((s) => s.id === gate);
      const from = Math.max(0, t - RATE_WINDOW_MS);
      const rate = admittedRate(events, from, t, gate);
      expect(rate, gate).toBeGreaterThan(40);
      expect(g?.measuredRps, gate).toBeCloseTo(rate, 0);
      const allowedInSpan = events.filter((e) => e.type === 'output' && e.node === gate && e.fact['allowed'] === true && e.t >= Math.max(0, t - SPAN_MS)).length;
      expect(g?.allowed, gate).toBe(allowedInSpan);
      expect(Math.min(...(g?.ticks ?? []).map((tick) => tick.t)), gate).toBeLessThan(Math.max(0, t - SPAN_MS) + 200);
    }
  });

  it('decisions on the gate\'s own clock: after Clock +1 s the chart ends at the bucket\'s now, its latest decisions drawn', () => {
    const params = { clients: 2, load: 'constant', clientIntervalMs: 20, capacity: 10, refillPerSec: 10 };
    const { frame } = runTo(tokenBucketLab, 'hardened', params, [{ at: 3000, kind: 'skew', node: 'bucket', ms: 1000 }], 5000);
    const [bucket] = gateSeries(frame.nodes);
    expect(bucket?.now).toBe(6000);
    expect(Math.max(...(bucket?.ticks ?? []).map((tick) => tick.t))).toBeGreaterThan(5950);
    // Ten a second of its own clock, the jump's refill included: 50 over its last 5 s.
    expect(bucket?.measuredRps).toBeCloseTo(10, 0);
  });

  it('decisions: a hardened bucket\'s reserved tokens drawn below a zero line, as its node says', () => {
    const frame = frameAt(tokenBucketLab, 'wait-reserves', 12_000);
    const [bucket] = gateSeries(frame.nodes);
    const tokens = (node(frame, 'bucket').state as unknown as BucketNodeState).bucket.tokens;
    expect(tokens).toBeLessThan(-15);
    expect(bucket?.levelMin).toBeLessThan(-15);
    expect(bucket?.levelMax).toBe(5);
    const levels = (bucket?.levelPoints ?? []).filter((p) => p[2] === CODE.allowed).map((p) => p[1]);
    expect(Math.min(...levels)).toBe(bucket?.levelMin);
  });

  it('decisions: one chart per window limiter, the fixed window letting more through at the boundary', () => {
    const series = gateSeries(frameAt(slidingWindowLab, 'boundary-burst', 1500).nodes);
    expect(series.map((g) => `${g.id}:${g.allowed}/${g.allowed + g.refused}`)).toEqual(['log:10/20', 'fixed:20/20', 'counter:11/20']);
    // Every call let through came back from the healthy backend.
    expect(series.map((g) => `${g.succeeded}-${g.failed}`)).toEqual(['10-0', '20-0', '11-0']);
  });

  it('breaker chart: states and transitions read from the machine definition', () => {
    const hardened = breakerChart('hardened');
    expect(hardened.states).toEqual(['closed', 'open', 'half-open']);
    expect(hardened.edges.map((e) => `${e.from}>${e.to} ${e.label}`)).toEqual([
      'closed>open FAILURE [tripsNow]',
      'open>half-open REQUEST [resetTimeoutPassed]',
      'half-open>closed SUCCESS [closesNow]',
      'half-open>open FAILURE',
    ]);
    expect(hardened.inPlace['open']).toEqual(['REQUEST']);
    expect(breakerChart('article').inPlace['open']).toEqual(['REQUEST', 'FAILURE']);
  });

  it('decisions: the breaker\'s calls failing during the outage, next to its decisions', () => {
    const [breaker] = gateSeries(frameAt(circuitBreakerLab, 'trips-and-recovers', 1500).nodes);
    expect(breaker?.failed).toBeGreaterThanOrEqual(5);
    expect(breaker?.refused).toBeGreaterThan(50);
  });

  it('breaker reading: open with the time left before it may probe', () => {
    const frame = frameAt(circuitBreakerLab, 'trips-and-recovers', 1500);
    const r = breakerReading(node(frame, 'breaker'));
    expect(r).toMatchObject({ variant: 'hardened', state: 'open', generation: 1, halfOpenMaxCalls: 5 });
    expect(r?.halfOpenInMs).toBeGreaterThan(500);
    expect(r?.halfOpenInMs).toBeLessThan(700);
  });

  it('degradation gauges: the average latency over its threshold once degraded', () => {
    const g = degradationGauges(node(frameAt(degradationLab, 'slow-backend', 5000), 'degrader'));
    expect(g?.degraded).toBe(true);
    expect(g?.gauges[1].value).toBeGreaterThan(2000);
    expect(g?.gauges[1].threshold).toBe(2000);
  });

  it('pool: ten busy lanes and a queue of 40 right after Stop; the article stopped with tasks left', () => {
    const busy = poolModel(node(frameAt(workerPoolLab, 'stop-drains-queue', 125), 'pool'));
    expect(busy).toMatchObject({ state: 'stopping', queued: 40 });
    expect(busy?.lanes.filter((l) => l.some((t) => t.outcome === 'running'))).toHaveLength(10);
    const stopped = poolModel(node(frameAt(workerPoolLab, 'stop-drops-queue', 1000), 'pool'));
    expect(stopped?.state).toBe('stopped');
    expect(stopped?.queued).toBeGreaterThan(10);
    expect(stopped?.exited).toBe(10);
  });

  it('pool: at 500 tasks a second the lanes still reach back across the span', () => {
    const t = 4000;
    const { frame } = runTo(workerPoolLab, 'hardened', { clients: 1, load: 'constant', clientIntervalMs: 2, taskMsMax: 20 }, [], t);
    const m = poolModel(node(frame, 'pool'));
    expect(m?.done).toBeGreaterThan(1500);
    // Worker 0, the first a task goes to, is the busiest.
    const ends = (m?.lanes[0] ?? []).map((task) => task.end);
    expect(ends.length).toBeGreaterThan(150);
    expect(Math.min(...ends)).toBeLessThan(t - LANE_SPAN_MS + 50);
  });

  it('window contents: across the boundary the fixed window holds 10 on each side while the log holds 10 in the last second', () => {
    const rows = windowRows(frameAt(slidingWindowLab, 'boundary-burst', 1106).nodes);
    const [log, fixed, counter] = rows;
    expect(rows.map((r) => r.id)).toEqual(['log', 'fixed', 'counter']);
    expect(log).toMatchObject({ key: 'all', level: 10, current: null });
    expect(log?.entries).toHaveLength(10);
    expect(log?.entries.every((e) => !e.expired && e.t >= 990 && e.t < 1000)).toBe(true);
    expect(log?.summary).toBe('all requests: 10 of 10 in the last 1 000 ms');
    expect(fixed).toMatchObject({ previous: { start: 0, count: 10 }, current: { start: 1000, count: 10 }, level: 10 });
    // The counter weighs the previous window by the share of it inside the last second.
    expect(counter?.weight).toBeCloseTo(0.894, 3);
    expect(counter?.summary).toMatch(/^all requests: estimate 10 × 0\.89\d \+ 1 = 9\.9\d of 10$/);
  });

  it('window contents: a second later the log still stores the old times until its next request, and the key tables differ by variant', () => {
    const [log] = windowRows(frameAt(slidingWindowLab, 'boundary-burst', 2500).nodes);
    expect(log?.level).toBe(0);
    expect(log?.entries.filter((e) => e.expired)).toHaveLength(10);
    const article = windowRows(frameAt(slidingWindowLab, 'keys-pile-up', 6000).nodes);
    const hardened = windowRows(frameAt(slidingWindowLab, 'keys-evicted', 6000).nodes);
    expect(article).toHaveLength(3);
    expect(hardened).toHaveLength(3);
    for (const r of article) expect(r).toMatchObject({ keys: r.peakKeys, evicted: 0 });
    for (const r of hardened) expect(r.evicted).toBeGreaterThan(100);
    expect(Math.max(...hardened.map((r) => r.keys))).toBeLessThan(Math.min(...article.map((r) => r.keys)) / 2);
  });
});
