/**
 * From a frame's gate nodes to the decisions chart's view model (pure): each gate's recent
 * decisions on a time axis ending now, its level over time (tokens, window count, breaker state
 * or average latency), and the rate it let through over the last seconds against the configured
 * one where there is one.
 */
import { CODE, isOutcome, type BucketNodeState, type HistoryPoint } from '../../protocols/traffic';
import type { NodeFrame } from '../../runtime/frame';

export interface GateSeries {
  readonly id: string;
  readonly kind: string;
  readonly points: readonly HistoryPoint[];
  /** What the level line means, and the top of its scale. */
  readonly levelName: string;
  readonly levelMax: number;
  /** Requests let through per second over the last `RATE_WINDOW_MS`. */
  readonly measuredRps: number;
  /** The rate the gate is configured for, when it has one (token bucket). */
  readonly configuredRps: number | null;
  readonly allowed: number;
  readonly refused: number;
  /** Outcomes of the calls let through: succeeded, failed. */
  readonly succeeded: number;
  readonly failed: number;
}

export const SPAN_MS = 10_000;
export const RATE_WINDOW_MS = 5000;

const LEVEL_NAMES: Readonly<Record<string, string>> = {
  'token-bucket': 'tokens',
  'sliding-log': 'in window',
  'fixed-window': 'in window',
  'sliding-counter': 'estimate',
  breaker: 'state',
  degrader: 'avg latency ms',
};

function hasHistory(state: unknown): state is { history: readonly HistoryPoint[] } {
  return typeof state === 'object' && state !== null && Array.isArray((state as { history?: unknown }).history);
}

function levelMax(kind: string, state: unknown, points: readonly HistoryPoint[]): number {
  if (kind === 'token-bucket') return (state as BucketNodeState).config.capacity;
  if (kind === 'breaker') return 2;
  return Math.max(1, ...points.map((p) => p[1]));
}

export function gateSeries(nodes: readonly NodeFrame[], now: number): GateSeries[] {
  return nodes.flatMap((node): GateSeries[] => {
    const name = LEVEL_NAMES[node.kind];
    if (name === undefined || !hasHistory(node.state)) return [];
    const points = node.state.history.filter((p) => p[0] >= now - SPAN_MS && p[0] <= now);
    const decisions = points.filter((p) => !isOutcome(p[2]));
    const recent = points.filter((p) => p[0] > now - RATE_WINDOW_MS);
    const span = Math.min(RATE_WINDOW_MS, Math.max(1, now)) / 1000;
    return [
      {
        id: node.id,
        kind: node.kind,
        points,
        levelName: name,
        levelMax: levelMax(node.kind, node.state, decisions),
        measuredRps: recent.filter((p) => p[2] === CODE.allowed).length / span,
        configuredRps: node.kind === 'token-bucket' ? (node.state as unknown as BucketNodeState).config.ratePerSec : null,
        allowed: points.filter((p) => p[2] === CODE.allowed).length,
        refused: points.filter((p) => p[2] === CODE.rejected || p[2] === CODE.fallback).length,
        succeeded: points.filter((p) => p[2] === CODE.succeeded).length,
        failed: points.filter((p) => p[2] === CODE.failed).length,
      },
    ];
  });
}

export const CODE_NAMES: Readonly<Record<number, string>> = {
  [CODE.allowed]: 'allowed',
  [CODE.rejected]: 'rejected',
  [CODE.fallback]: 'fallback',
  [CODE.failed]: 'failed',
  [CODE.succeeded]: 'succeeded',
};
