/**
 * From a frame's window limiters to the window-contents view model (pure): for each limiter, the
 * key it saw last and what it holds for that key on a time axis of two windows ending at the
 * limiter's own clock: the sliding log's request times, the fixed window's current and previous
 * counts, the counter's previous-window weight and its estimate; and the size of its key table.
 * The numbers come from the limiter's own functions, so the view cannot disagree with a decision.
 */
import { ALL_KEY, levelAt, previousWeight, roll, type KeyWindow, type WindowAlgorithm, type WindowConfig, type WindowNodeState } from '../../protocols/traffic';
import type { NodeFrame } from '../../runtime/frame';
import { formatCount, formatMs } from '../contract/numberText';

const ALGORITHMS: readonly string[] = ['sliding-log', 'fixed-window', 'sliding-counter'] satisfies readonly WindowAlgorithm[];

export interface CountedWindow {
  readonly start: number;
  readonly count: number;
}

export interface WindowRow {
  readonly id: string;
  readonly algorithm: WindowAlgorithm;
  readonly config: WindowConfig;
  /** The limiter's local clock: the axis ends here. */
  readonly now: number;
  /** The key shown: the one seen last; null before the first request. */
  readonly key: string | null;
  /** Sliding log: the stored request times; `expired` ones are older than the window but not yet dropped (the log prunes on the next request). */
  readonly entries: readonly { readonly t: number; readonly expired: boolean }[];
  /** Fixed window and counter: the window holding `now` and the one before it. */
  readonly current: CountedWindow | null;
  readonly previous: CountedWindow | null;
  /** Counter: the share of the previous window still inside the last `windowMs`. */
  readonly weight: number | null;
  /** What a request now would be compared with the limit. */
  readonly level: number;
  readonly keys: number;
  readonly peakKeys: number;
  readonly evicted: number;
  readonly summary: string;
}

function isWindowState(state: unknown): state is WindowNodeState {
  return typeof state === 'object' && state !== null && 'keys' in state && 'config' in state;
}

function lastSeenKey(keys: Readonly<Record<string, KeyWindow>>): string | null {
  let best: string | null = null;
  for (const [key, w] of Object.entries(keys)) if (best === null || w.lastSeen > (keys[best] as KeyWindow).lastSeen) best = key;
  return best;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** "1 000 ms", or "1 234.5 ms" when not whole. */
function msText(ms: number): string {
  return `${Number.isInteger(ms) ? formatCount(ms) : formatMs(ms)} ms`;
}

function summaryOf(row: Omit<WindowRow, 'summary'>): string {
  const { limit, windowMs } = row.config;
  if (row.key === null) return 'no request yet';
  const of = row.key === ALL_KEY ? 'all requests:' : `key ${row.key}:`;
  if (row.algorithm === 'sliding-log') {
    const expired = row.entries.filter((e) => e.expired).length;
    const stored = expired > 0 ? ` (${row.entries.length} stored, ${expired} older than the window)` : '';
    return `${of} ${row.level} of ${limit} in the last ${msText(windowMs)}${stored}`;
  }
  const current = row.current as CountedWindow;
  if (row.algorithm === 'fixed-window') return `${of} ${current.count} of ${limit} in the window from ${msText(current.start)}`;
  const prev = row.previous?.count ?? 0;
  return `${of} estimate ${prev} × ${round3(row.weight ?? 0)} + ${current.count} = ${round3(row.level)} of ${limit}`;
}

function rowOf(node: NodeFrame, state: WindowNodeState): WindowRow {
  const algorithm = node.kind as WindowAlgorithm;
  const { config } = state;
  const now = node.localNow;
  const key = lastSeenKey(state.keys);
  const w = key === null ? null : (state.keys[key] as KeyWindow);
  const rolled = w === null || algorithm === 'sliding-log' ? null : roll(w, config, now);
  const base = {
    id: node.id,
    algorithm,
    config,
    now,
    key,
    entries: w === null || algorithm !== 'sliding-log' ? [] : w.log.map((t) => ({ t, expired: t < now - config.windowMs })),
    current: rolled === null ? null : { start: rolled.start, count: rolled.count },
    previous: rolled === null ? null : { start: rolled.start - config.windowMs, count: rolled.prev },
    weight: rolled === null || algorithm !== 'sliding-counter' ? null : previousWeight(rolled, config, now),
    level: w === null ? 0 : levelAt(algorithm, w, config, now),
    keys: Object.keys(state.keys).length,
    peakKeys: state.peakKeys,
    evicted: state.evicted,
  };
  return { ...base, summary: summaryOf(base) };
}

export function windowRows(nodes: readonly NodeFrame[]): WindowRow[] {
  return nodes.flatMap((node) => (ALGORITHMS.includes(node.kind) && isWindowState(node.state) ? [rowOf(node, node.state)] : []));
}

declare module '../contract/pictures' {
  interface PictureModels {
    'window-contents': readonly WindowRow[];
  }
}
