/**
 * From a frame's gate nodes to the decisions chart's view model (pure): each gate's recent
 * decisions on a time axis ending now, its level over time (tokens, window count, breaker state
 * or average latency), and the rate it let through over the last seconds against the configured
 * one where there is one. Counts and rates come from the gate's bins, which count every decision;
 * the points drawn are a bounded sample of them. Each gate's axis ends at its own clock's now, the
 * clock its times and its promised rate are in (the same as virtual time unless a fault moved it).
 */
import { CODE, countSince, HISTORY_SPAN_MS, isOutcome, type BucketNodeState, type GateRecord, type HistoryPoint, type RateBin } from '../../protocols/traffic';
import type { NodeFrame } from '../../runtime/frame';
import { stateOf } from '../contract/nodeState';

export interface GateSeries {
  readonly id: string;
  readonly kind: string;
  /** The gate's local clock now, where its time axis ends. */
  readonly now: number;
  /** The gate's level over time: one point per decision, [time, level]. */
  readonly levelPoints: readonly HistoryPoint[];
  /** Every point as a tick: a decision (top strip) or the outcome of a call let through (bottom strip). */
  readonly ticks: readonly GateTick[];
  /** What the level line means, and its scale: from 0, or below it when the level was (a hardened bucket's reserved tokens), to the top. */
  readonly levelName: string;
  readonly levelMin: number;
  readonly levelMax: number;
  /** Requests let through per second over the last `RATE_WINDOW_MS`. */
  readonly measuredRps: number;
  /** The rate the gate is configured for, when it has one (token bucket). */
  readonly configuredRps: number | null;
  /** Decisions in the span: let through, and not (rejected or fallback). */
  readonly allowed: number;
  readonly refused: number;
  /** Outcomes of the calls let through in the span: succeeded, failed. */
  readonly succeeded: number;
  readonly failed: number;
}

export interface GateTick {
  readonly t: number;
  readonly strip: 'decision' | 'outcome';
  /** allowed, rejected, fallback, failed or succeeded: the tick's colour. */
  readonly code: string;
}

export const SPAN_MS = HISTORY_SPAN_MS;
export const RATE_WINDOW_MS = 5000;

const LEVEL_NAMES: Readonly<Record<string, string>> = {
  'token-bucket': 'tokens',
  'sliding-log': 'in window',
  'fixed-window': 'in window',
  'sliding-counter': 'estimate',
  breaker: 'state',
  degrader: 'avg latency ms',
};

function hasRecord(state: unknown): state is GateRecord {
  if (typeof state !== 'object' || state === null) return false;
  const { history, bins } = state as Partial<Record<keyof GateRecord, unknown>>;
  return Array.isArray(history) && Array.isArray(bins);
}

/** Requests let through per second over the last `RATE_WINDOW_MS` (or since the start). */
function measuredRps(bins: readonly RateBin[], now: number): number {
  const { count, spanMs } = countSince(bins, CODE.allowed, Math.max(0, now - RATE_WINDOW_MS), now);
  return count / (Math.max(1, spanMs) / 1000);
}

function levelMax(node: NodeFrame, points: readonly HistoryPoint[]): number {
  const bucket = stateOf<BucketNodeState>(node, 'token-bucket');
  if (bucket !== null) return bucket.config.capacity;
  if (node.kind === 'breaker') return 2;
  return Math.max(1, ...points.map((p) => p[1]));
}

const CODE_NAMES: Readonly<Record<number, string>> = {
  [CODE.allowed]: 'allowed',
  [CODE.rejected]: 'rejected',
  [CODE.fallback]: 'fallback',
  [CODE.failed]: 'failed',
  [CODE.succeeded]: 'succeeded',
};

function tickOf(p: HistoryPoint): GateTick {
  return { t: p[0], strip: isOutcome(p[2]) ? 'outcome' : 'decision', code: CODE_NAMES[p[2]] ?? 'other' };
}

export function gateSeries(nodes: readonly NodeFrame[]): GateSeries[] {
  return nodes.flatMap((node): GateSeries[] => {
    const name = LEVEL_NAMES[node.kind];
    if (name === undefined || !hasRecord(node.state)) return [];
    const now = node.localNow;
    const points = node.state.history.filter((p) => p[0] >= now - SPAN_MS && p[0] <= now);
    const decisions = points.filter((p) => !isOutcome(p[2]));
    const bins = node.state.bins;
    const inSpan = (...codes: number[]) => codes.reduce((n, code) => n + countSince(bins, code, now - SPAN_MS, now).count, 0);
    return [
      {
        id: node.id,
        kind: node.kind,
        now,
        levelPoints: decisions,
        ticks: points.map(tickOf),
        levelName: name,
        levelMin: Math.min(0, ...decisions.map((p) => p[1])),
        levelMax: levelMax(node, decisions),
        measuredRps: measuredRps(bins, now),
        configuredRps: stateOf<BucketNodeState>(node, 'token-bucket')?.config.ratePerSec ?? null,
        allowed: inSpan(CODE.allowed),
        refused: inSpan(CODE.rejected, CODE.fallback),
        succeeded: inSpan(CODE.succeeded),
        failed: inSpan(CODE.failed),
      },
    ];
  });
}

declare module '../contract/pictures' {
  interface PictureModels {
    'gate-decisions': readonly GateSeries[];
  }
}
