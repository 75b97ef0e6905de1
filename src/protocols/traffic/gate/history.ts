/**
 * A gate's recent decisions, kept in its state for the views: time, a level (tokens, window
 * count...) and the decision code. Bounded, so a long run's state stays small.
 */
export type HistoryPoint = readonly [t: number, level: number, code: number];

export const HISTORY_LIMIT = 400;

/** Decision codes in history points. */
export const CODE = { rejected: 0, allowed: 1, fallback: 2, failed: 3 } as const;

export function pushHistory(history: readonly HistoryPoint[], point: HistoryPoint): HistoryPoint[] {
  const kept = history.length >= HISTORY_LIMIT ? history.slice(history.length - HISTORY_LIMIT + 1) : history;
  return [...kept, point];
}

/** Rounds a level for facts and history, so traces read well and compare exactly. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
