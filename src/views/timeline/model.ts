/**
 * The space-time diagram's model, as pure functions: which messages, faults and outputs fall in
 * the visible window of virtual time, and how that window follows the run, zooms and pans.
 */
import type { TraceEvent } from '../../sim/trace';

export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

export type ArrowEnd = 'delivered' | 'dropped' | 'inFlight';

export interface Arrow {
  readonly msgId: number;
  readonly from: string;
  readonly to: string;
  readonly t0: number;
  /** Delivery or drop time; for a message still in flight, when it will arrive (or t0). */
  readonly t1: number;
  readonly type: string;
  readonly end: ArrowEnd;
  readonly dropReason: string | null;
}

export type MarkKind = 'crash' | 'restart' | 'pause' | 'resume' | 'clock' | 'output' | 'violation';

export interface NodeMark {
  /** The trace event's `seq`: a key that stays put while the window slides. */
  readonly seq: number;
  readonly t: number;
  readonly node: string;
  readonly kind: MarkKind;
  readonly label: string;
}

/** Network-wide changes (partition, heal, settings): a line across every lane. */
export interface GlobalMark {
  readonly seq: number;
  readonly t: number;
  readonly label: string;
}

export interface TimelineModel {
  readonly arrows: readonly Arrow[];
  readonly marks: readonly NodeMark[];
  readonly global: readonly GlobalMark[];
}

/** At most this many arrows are drawn; the newest win. */
export const MAX_ARROWS = 1500;
export const MAX_MARKS = 1500;

function nodeMark(e: TraceEvent): NodeMark | null {
  switch (e.type) {
    case 'crash':
      return { seq: e.seq, t: e.t, node: e.node, kind: 'crash', label: e.error === undefined ? 'crash' : `crash: ${e.error}` };
    case 'restart':
    case 'resume':
      return { seq: e.seq, t: e.t, node: e.node, kind: e.type, label: e.type };
    case 'pause':
      return { seq: e.seq, t: e.t, node: e.node, kind: 'pause', label: `pause until ${Math.round(e.until)} ms` };
    case 'clock':
      return { seq: e.seq, t: e.t, node: e.node, kind: 'clock', label: `clock ${e.offsetMs} ms ×${e.rate}` };
    case 'output':
      return { seq: e.seq, t: e.t, node: e.node, kind: 'output', label: typeof e.fact['kind'] === 'string' ? e.fact['kind'] : 'output' };
    default:
      return null;
  }
}

function globalMark(e: TraceEvent): GlobalMark | null {
  if (e.type === 'partition') return { seq: e.seq, t: e.t, label: `cut ${e.links.map(([a, b]) => `${a}→${b}`).join(' ')}` };
  if (e.type === 'heal') return { seq: e.seq, t: e.t, label: e.links === 'all' ? 'heal all' : `heal ${e.links.map(([a, b]) => `${a}→${b}`).join(' ')}` };
  if (e.type === 'network') return { seq: e.seq, t: e.t, label: 'network settings' };
  return null;
}

function overlaps(t0: number, t1: number, w: TimeWindow): boolean {
  return t1 >= w.start && t0 <= w.end;
}

/** What the diagram draws for the events it has, within the window. */
export function buildTimeline(events: readonly TraceEvent[], w: TimeWindow): TimelineModel {
  const sends = new Map<number, { from: string; to: string; t0: number; t1: number; type: string; end: ArrowEnd; reason: string | null }>();
  const marks: NodeMark[] = [];
  const global: GlobalMark[] = [];
  for (const e of events) {
    if (e.type === 'send') {
      const type = typeof e.msg['type'] === 'string' ? e.msg['type'] : 'message';
      sends.set(e.msgId, { from: e.from, to: e.to, t0: e.t, t1: e.arrive ?? e.t, type, end: 'inFlight', reason: null });
    } else if (e.type === 'deliver' || e.type === 'drop') {
      const s = sends.get(e.msgId);
      if (s !== undefined) Object.assign(s, { t1: e.t, end: e.type === 'deliver' ? 'delivered' : 'dropped', reason: e.type === 'drop' ? e.reason : null });
    } else if (e.type === 'violation') {
      for (const node of e.nodes) marks.push({ seq: e.seq, t: e.t, node, kind: 'violation', label: e.rule });
    } else {
      const m = nodeMark(e);
      if (m !== null) marks.push(m);
      const g = globalMark(e);
      if (g !== null) global.push(g);
    }
  }
  const arrows: Arrow[] = [];
  for (const [msgId, s] of sends) {
    if (overlaps(s.t0, s.t1, w)) arrows.push({ msgId, from: s.from, to: s.to, t0: s.t0, t1: s.t1, type: s.type, end: s.end, dropReason: s.reason });
  }
  const visible = marks.filter((m) => overlaps(m.t, m.t, w));
  return {
    arrows: arrows.slice(-MAX_ARROWS),
    marks: visible.slice(-MAX_MARKS),
    global: global.filter((g) => overlaps(g.t, g.t, w)),
  };
}

export const MIN_SPAN_MS = 1;
export const MAX_SPAN_MS = 10_000_000;
export const DEFAULT_SPAN_MS = 1000;

/** The window that follows the run: `span` wide, `now` a little before its right edge. */
export function followWindow(now: number, span: number): TimeWindow {
  const end = Math.max(span, now + span * 0.04);
  return { start: end - span, end };
}

export function scaleSpan(span: number, factor: number): number {
  return Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, span * factor));
}

/** Zooms by `factor` (<1 zooms in) keeping the time under `anchor` where it is. */
export function zoomWindow(w: TimeWindow, factor: number, anchor: number): TimeWindow {
  const span = w.end - w.start;
  const next = scaleSpan(span, factor);
  const ratio = span > 0 ? (anchor - w.start) / span : 0.5;
  const start = Math.max(0, anchor - ratio * next);
  return { start, end: start + next };
}

export function panWindow(w: TimeWindow, deltaMs: number): TimeWindow {
  const start = Math.max(0, w.start + deltaMs);
  return { start, end: start + (w.end - w.start) };
}

export function clampTime(t: number, max: number): number {
  return Math.min(Math.max(0, t), Math.max(0, max));
}
