/** Pixel geometry of the space-time diagram: lanes, arrowheads, drop marks. Pure functions. */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { round } from '../cluster/layout';
import type { Arrow, TimeWindow } from './model';

export const LANE_LABEL_W = 56;
export const AXIS_H = 30;
export const LANE_H = 32;
export const RIGHT_PAD = 16;

export interface TimelineGeometry {
  /** Virtual time to screen x, for the axis and the cursor. */
  readonly x: ScaleLinear<number, number>;
  /**
   * Virtual time to x in the content's own coordinates. Messages and marks are drawn with `at`
   * inside one group moved by `shift`, so that while the window follows the run only that one
   * transform changes: the thousands of arrows keep their attributes and the browser has nothing
   * to rewrite. `at(t) + shift` equals `x(t)`.
   */
  readonly at: (t: number) => number;
  readonly shift: number;
  readonly laneY: ReadonlyMap<string, number>;
  readonly width: number;
  readonly height: number;
}

/** The content origin moves only every this many window widths, which keeps its numbers small. */
const REBASE_EVERY_SPANS = 64;

export function timelineGeometry(ids: readonly string[], w: TimeWindow, width: number): TimelineGeometry {
  const x = scaleLinear().domain([w.start, w.end]).range([LANE_LABEL_W, Math.max(LANE_LABEL_W + 10, width - RIGHT_PAD)]);
  const [r0, r1] = x.range() as [number, number];
  const span = w.end - w.start;
  // Rounded so that the float noise of `end - start` as the window slides leaves it unchanged.
  const k = span > 0 ? Math.round(((r1 - r0) / span) * 1e9) / 1e9 : 1;
  const block = span * REBASE_EVERY_SPANS;
  const origin = block > 0 ? Math.floor(w.start / block) * block : 0;
  const laneY = new Map(ids.map((id, i) => [id, AXIS_H + LANE_H * i + LANE_H / 2]));
  return { x, at: (t) => round((t - origin) * k), shift: round(r0 - (w.start - origin) * k), laneY, width, height: AXIS_H + LANE_H * ids.length + 8 };
}

/** A filled triangle pointing along (x0,y0)→(x1,y1), its tip at (x1,y1). */
export function arrowHead(x0: number, y0: number, x1: number, y1: number, size = 7): string {
  const len = Math.hypot(x1 - x0, y1 - y0) || 1;
  const ux = (x1 - x0) / len;
  const uy = (y1 - y0) / len;
  const bx = x1 - ux * size;
  const by = y1 - uy * size;
  const half = size * 0.45;
  return `M${round(x1)},${round(y1)}L${round(bx - uy * half)},${round(by + ux * half)}L${round(bx + uy * half)},${round(by - ux * half)}Z`;
}

/** A ✕ centred on (x,y). */
export function crossPath(x: number, y: number, size = 5): string {
  return `M${round(x - size)},${round(y - size)}L${round(x + size)},${round(y + size)}M${round(x - size)},${round(y + size)}L${round(x + size)},${round(y - size)}`;
}

export interface ArrowLine {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * Where an arrow is drawn, in content coordinates (see `TimelineGeometry.at`). A message dropped as it was sent (a cut link, loss) has no length in
 * time, so it is drawn as a short stub toward the receiver, ending in its ✕.
 */
export function arrowLine(a: Arrow, g: TimelineGeometry): ArrowLine | null {
  const y0 = g.laneY.get(a.from);
  const y1 = g.laneY.get(a.to);
  if (y0 === undefined || y1 === undefined) return null;
  const x0 = g.at(a.t0);
  const x1 = g.at(a.t1);
  if (a.end === 'dropped' && x1 - x0 < 8) {
    return { x0, y0, x1: round(x0 + 8), y1: round(y0 + (y1 - y0) * 0.35) };
  }
  return { x0, y0, x1, y1 };
}
