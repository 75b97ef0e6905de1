/**
 * A gate's recent decisions, kept in its state for the views: time, a level (tokens, window
 * count...) and the decision code. Bounded, so a long run's state stays small.
 */
export type HistoryPoint = readonly [t: number, level: number, code: number];

export const HISTORY_LIMIT = 400;

/** Codes in history points: a gate's decisions, and the outcomes of the calls it let through. */
export const CODE = { rejected: 0, allowed: 1, fallback: 2, failed: 3, succeeded: 5 } as const;

export function isOutcome(code: number): boolean {
  return code === CODE.failed || code === CODE.succeeded;
}

export function pushHistory(history: readonly HistoryPoint[], point: HistoryPoint): HistoryPoint[] {
  const kept = history.length >= HISTORY_LIMIT ? history.slice(history.length - HISTORY_LIMIT + 1) : history;
  return [...kept, point];
}

/** Rounds a level for facts and history, so traces read well and compare exactly. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A call's outcome, at the level of the gate's last point. */
export function pushOutcome(history: readonly HistoryPoint[], now: number, ok: boolean): HistoryPoint[] {
  const level = history[history.length - 1]?.[1] ?? 0;
  return pushHistory(history, [now, level, ok ? CODE.succeeded : CODE.failed]);
}
