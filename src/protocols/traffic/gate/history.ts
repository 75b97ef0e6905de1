/**
 * A gate's recent past, kept in its state for the views, in two bounded parts:
 *
 * - `bins`: how many decisions and call outcomes of each code fell in each `BIN_MS` of the last
 *   `HISTORY_SPAN_MS`. Rates and counts are read from these, so they stay exact at any rate.
 * - `history`: points to draw (time, a level such as tokens or a window count, the code). Of one
 *   code, the first and the latest point of each `POINT_SLOT_MS` are kept, so the points cover
 *   the whole span however busy the gate is (a slot is about two pixels wide in the chart), and
 *   the level line still ends each slot where the gate left it.
 *
 * Times are the gate's local clock.
 */
export type HistoryPoint = readonly [t: number, level: number, code: number];

/** One bin: where it starts (local ms), then the count of each code, indexed by code. */
export type RateBin = readonly [start: number, ...counts: number[]];

/** The part of a gate's state this module keeps. */
export type GateRecord = { readonly history: readonly HistoryPoint[]; readonly bins: readonly RateBin[] };

/** Codes in history points: a gate's decisions, and the outcomes of the calls it let through. */
export const CODE = { rejected: 0, allowed: 1, fallback: 2, failed: 3, succeeded: 5 } as const;
const CODE_SLOTS = 6;

export const HISTORY_SPAN_MS = 10_000;
export const BIN_MS = 100;
const BINS_KEPT = HISTORY_SPAN_MS / BIN_MS + 1;
export const POINT_SLOT_MS = 50;
const POINTS_PER_SLOT = 2;
/** Enough for the points of every code at their most across the span. */
export const HISTORY_LIMIT = (HISTORY_SPAN_MS / POINT_SLOT_MS + 1) * Object.keys(CODE).length * POINTS_PER_SLOT;

export const EMPTY_RECORD: GateRecord = { history: [], bins: [] };

export function isOutcome(code: number): boolean {
  return code === CODE.failed || code === CODE.succeeded;
}

function binOf(t: number, ms = BIN_MS): number {
  return Math.floor(t / ms) * ms;
}

/** The bins with one more of `code` at `t`. Found by its start, not only at the end: a clock set back revisits a bin. */
function countIn(bins: readonly RateBin[], t: number, code: number): RateBin[] {
  const start = binOf(t);
  const at = bins.findLastIndex((b) => b[0] === start);
  const base: RateBin = at >= 0 ? (bins[at] as RateBin) : [start, ...new Array<number>(CODE_SLOTS).fill(0)];
  const [binStart, ...counts] = base;
  const counted: RateBin = [binStart, ...counts.map((n, i) => (i === code ? n + 1 : n))];
  if (at >= 0) return bins.map((b, i) => (i === at ? counted : b));
  return [...bins.slice(Math.max(0, bins.length - BINS_KEPT + 1)), counted];
}

/** The points with `point` added: past `POINTS_PER_SLOT` of its code in its slot, it replaces the latest such point. */
function withPoint(history: readonly HistoryPoint[], point: HistoryPoint): HistoryPoint[] {
  const slot = binOf(point[0], POINT_SLOT_MS);
  let same = 0;
  let latest = -1;
  for (let i = history.length - 1; i >= 0 && binOf((history[i] as HistoryPoint)[0], POINT_SLOT_MS) === slot; i--) {
    if ((history[i] as HistoryPoint)[2] !== point[2]) continue;
    same++;
    if (latest < 0) latest = i;
  }
  const thinned = same >= POINTS_PER_SLOT ? [...history.slice(0, latest), ...history.slice(latest + 1)] : history;
  const kept = thinned.length >= HISTORY_LIMIT ? thinned.slice(thinned.length - HISTORY_LIMIT + 1) : thinned;
  return [...kept, point];
}

/** The record with one more decision or outcome. */
export function record(r: GateRecord, point: HistoryPoint): GateRecord {
  return { history: withPoint(r.history, point), bins: countIn(r.bins, point[0], point[2]) };
}

/** A call's outcome, at the level of the gate's last point. */
export function recordOutcome(r: GateRecord, now: number, ok: boolean): GateRecord {
  const level = r.history[r.history.length - 1]?.[1] ?? 0;
  return record(r, [now, level, ok ? CODE.succeeded : CODE.failed]);
}

/**
 * How many of `code` fell in the bins from `fromMs` to `toMs`, and the time those bins cover:
 * whole bins from the first one starting at or after `fromMs`, up to `toMs` (the last one partly).
 */
export function countSince(bins: readonly RateBin[], code: number, fromMs: number, toMs: number): { count: number; spanMs: number } {
  const from = Math.ceil(fromMs / BIN_MS) * BIN_MS;
  let count = 0;
  for (const b of bins) if (b[0] >= from && b[0] <= toMs) count += b[code + 1] ?? 0;
  return { count, spanMs: Math.max(0, toMs - from) };
}

/** Rounds a level for facts and history, so traces read well and compare exactly. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
