/**
 * Layout math of the log grid (nodes by log index or slot), as pure functions: how many cells fit,
 * which indices to show when the log is long, and the colour of a term.
 */
import { scaleOrdinal, schemeSet3 } from 'd3';

/** Cell size in CSS pixels: wide enough for a three-digit term at projector-size type. */
export const CELL_WIDTH_PX = 40;
/** The row header (node, role, commit and applied numbers). */
export const ROW_HEADER_PX = 250;
/** Never fewer columns than this, even in a narrow panel (the grid then scrolls sideways). */
export const MIN_COLUMNS = 6;

/** Columns that fit in `widthPx` after the row header. */
export function columnsThatFit(widthPx: number, headerPx: number = ROW_HEADER_PX, cellPx: number = CELL_WIDTH_PX): number {
  return Math.max(MIN_COLUMNS, Math.floor((widthPx - headerPx) / cellPx));
}

export interface IndexWindow {
  /** First and last index shown (last < first when there is nothing to show). */
  readonly first: number;
  readonly last: number;
  /** Indices before `first` that are left out. */
  readonly hidden: number;
}

/**
 * The indices to show for a log that runs from `lo` to `hi`: all of them when they fit, otherwise
 * the last `capacity`, since the newest entries are the ones that change.
 */
export function indexWindow(lo: number, hi: number, capacity: number): IndexWindow {
  const cap = Math.max(1, Math.floor(capacity));
  if (hi < lo) return { first: lo, last: lo - 1, hidden: 0 };
  const first = Math.max(lo, hi - cap + 1);
  return { first, last: hi, hidden: first - lo };
}

/** Pastel fills with dark ink, clear of the strong role colours; terms cycle through them. */
const termScale = scaleOrdinal<number, string>().domain(Array.from({ length: schemeSet3.length }, (_, i) => i)).range(schemeSet3);

/** The fill of a term (or a ballot round): the same term always has the same colour. */
export function termColor(term: number): string {
  const n = schemeSet3.length;
  return termScale((((Math.floor(term) - 1) % n) + n) % n);
}
