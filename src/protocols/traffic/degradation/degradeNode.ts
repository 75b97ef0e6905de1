/**
 * The degradation node (seed `DegradationStrategy.Execute`): each request either runs the primary
 * (a backend call) or falls back, when the error rate is over 0.5 or the average latency over
 * 2 s. A failed primary call falls back too. The fallback is the custom function's value, the
 * static value, or, with fallback off, an error. Facts: `decision` per request, `call` per
 * primary outcome, `degraded` when the strategy starts or stops degrading.
 */
import type { NodeId, StepContext } from '../../../sim/node';
import { assert } from '../../assert';
import { defineProtocol } from '../../define';
import { isArticle, numberParam, stringParam } from '../config';
import { CODE, EMPTY_RECORD, record, round3, type GateRecord } from '../gate/history';
import { forward, hasRoom, onCallTimer, onGateMessage, respond, type CallOutcome, type Gate, type RelayState } from '../gate/relay';
import { fact, result, update, type Out } from '../out';
import type { Request, TrafficMessage } from '../types';
import { articleReading, articleRecord, degrades, rollingDegrades, rollingReading, rollingRecord, type ArticleMetrics, type Reading, type RollingMetrics, type Thresholds } from './metrics';

/** The degradation node's state; the level of its history points is the average latency a decision saw. */
export type DegradeNodeState = RelayState & GateRecord & {
  /** The run's thresholds, and what the strategy last read, kept for the views. */
  readonly thresholds: Thresholds;
  readonly reading: Reading;
  readonly article: ArticleMetrics;
  readonly rolling: RollingMetrics;
  readonly degraded: boolean;
  readonly primary: number;
  readonly fallbacks: number;
  readonly failed: number;
};

export const FALLBACK_VALUES = { custom: 'custom fallback data', static: 'fallback data' } as const;

export function thresholds(ctx: StepContext): Thresholds {
  return {
    errorRate: numberParam(ctx, 'errorRateThreshold', 0.5),
    latencyMs: numberParam(ctx, 'latencyThresholdMs', 2000),
    windowMs: numberParam(ctx, 'windowMs', 10_000),
    minSamples: numberParam(ctx, 'minSamples', 5),
  };
}

export function readingOf(s: DegradeNodeState, ctx: StepContext): Reading {
  return isArticle(ctx) ? articleReading(s.article) : rollingReading(s.rolling, thresholds(ctx), ctx.now);
}

function shouldDegrade(o: Out<DegradeNodeState>): boolean {
  const t = thresholds(o.ctx);
  return isArticle(o.ctx) ? degrades(articleReading(o.s.article), t) : rollingDegrades(o.s.rolling, t, o.ctx.now);
}

function noteDegraded(o: Out<DegradeNodeState>, degraded: boolean): void {
  if (degraded === o.s.degraded) return;
  const r = readingOf(o.s, o.ctx);
  update(o, { degraded });
  fact(o, { kind: 'degraded', on: degraded, errorRate: round3(r.errorRate), avgLatencyMs: round3(r.avgLatencyMs) });
}

function fallBack(o: Out<DegradeNodeState>, client: NodeId, id: string): void {
  update(o, { fallbacks: o.s.fallbacks + 1 });
  const mode = stringParam(o.ctx, 'fallback', 'custom');
  if (mode === 'none') return respond(o, client, id, 'error', 'degradation strategy enabled but fallback not available');
  respond(o, client, id, 'fallback', mode === 'static' ? FALLBACK_VALUES.static : FALLBACK_VALUES.custom);
}

function recordLevel(o: Out<DegradeNodeState>, level: number, code: number): void {
  update(o, record(o.s, [o.ctx.now, round3(level), code]));
}

function onRequest(o: Out<DegradeNodeState>, from: NodeId, m: Request): void {
  // The seed counts every request, the ones that fall back included, in its error rate's denominator.
  if (isArticle(o.ctx)) update(o, { article: { ...o.s.article, requests: o.s.article.requests + 1 } });
  const degrade = shouldDegrade(o) || !hasRoom(o);
  noteDegraded(o, degrade);
  const r = readingOf(o.s, o.ctx);
  update(o, { reading: r });
  fact(o, { kind: 'decision', path: degrade ? 'fallback' : 'primary', errorRate: round3(r.errorRate), avgLatencyMs: round3(r.avgLatencyMs) });
  recordLevel(o, r.avgLatencyMs, degrade ? CODE.fallback : CODE.allowed);
  if (degrade) return fallBack(o, from, m.id);
  update(o, { primary: o.s.primary + 1 });
  forward(o, from, m.id);
}

/**
 * A primary call's outcome; a failed one falls back. A modelling choice: the seed's Execute would
 * hang here. It locks `metrics.mu` with a deferred unlock before looking at the error, and on an
 * error calls executeFallback, which locks the same mutex again; Go's mutex is not reentrant, so
 * the first failed call blocks for good, and every later Execute with it. Both variants give the
 * fallback instead, as the code means to, so the lab can show what its metrics do.
 */
function onOutcome(o: Out<DegradeNodeState>, outcome: CallOutcome): void {
  const t = thresholds(o.ctx);
  fact(o, { kind: 'call', ok: outcome.ok, latencyMs: round3(outcome.latencyMs) });
  update(o, isArticle(o.ctx) ? { article: articleRecord(o.s.article, outcome.ok, outcome.latencyMs) } : { rolling: rollingRecord(o.s.rolling, t, o.ctx.now, outcome.ok, outcome.latencyMs) });
  update(o, { reading: readingOf(o.s, o.ctx) });
  recordLevel(o, o.s.reading.avgLatencyMs, outcome.ok ? CODE.succeeded : CODE.failed);
  if (outcome.ok) return respond(o, outcome.client, outcome.id, 'allowed');
  update(o, { failed: o.s.failed + 1 });
  fallBack(o, outcome.client, outcome.id);
}

const gate: Gate<DegradeNodeState> = { name: 'degradation strategy', onRequest, onOutcome };

export const degradeProtocol = defineProtocol<DegradeNodeState, TrafficMessage>({
  kind: 'degrader',
  initial: (_persisted, ctx) => ({
    calls: {},
    thresholds: thresholds(ctx),
    reading: { errorRate: 0, avgLatencyMs: 0, samples: 0 },
    article: { requests: 0, errors: 0, avgMs: 0 },
    rolling: { buckets: [] },
    degraded: false,
    primary: 0,
    fallbacks: 0,
    failed: 0,
    ...EMPTY_RECORD,
  }),
  onMessage: (o, from, m) => onGateMessage(gate, o, from, m),
  onTimer: (o, name) => onCallTimer(gate, o, name),
  onCommand(o, opId) {
    result(o, opId, false, `${o.ctx.id} is the degradation strategy; it takes no commands`);
  },
  invariants(o) {
    // Every failed call is a call the strategy made for a request it counted, in this incarnation.
    assert(o.s.reading.errorRate >= 0 && o.s.reading.errorRate <= 1, 'degradation: the error rate it reads is a fraction of the calls');
  },
});
