/**
 * Layout math for the cluster view, as pure functions: nodes on a ring, links between them, cut
 * marks, labels placed outside the ring so they never overlap, and where a message in flight is
 * at a given virtual time.
 */
import { scaleLinear } from 'd3-scale';
import type { MessageInFlight } from '../../runtime/frame';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface NodePlace extends Point {
  readonly id: string;
  /** Angle on the ring in radians, 0 = right, growing clockwise (SVG y points down). */
  readonly angle: number;
}

export interface RingLayout {
  readonly width: number;
  readonly height: number;
  readonly center: Point;
  readonly ringRadius: number;
  readonly nodeRadius: number;
  readonly nodes: readonly NodePlace[];
  readonly byId: ReadonlyMap<string, NodePlace>;
}

const MAX_NODE_RADIUS = 34;
const LABEL_GAP = 10;
/** Room kept beside the ring for labels (they are clipped to fit it) and above/below it. */
const LABEL_ROOM_SIDE = 90;
const LABEL_ROOM_TOP = 52;

/** Places nodes clockwise from the top on a ring centred in a `width` × `height` box. */
export function ringLayout(ids: readonly string[], width: number, height: number = width): RingLayout {
  const center = { x: width / 2, y: height / 2 };
  const fit = Math.min(width / 2 - LABEL_ROOM_SIDE, height / 2 - LABEL_ROOM_TOP) - MAX_NODE_RADIUS - LABEL_GAP;
  const ringRadius = ids.length <= 1 ? 0 : Math.max(0, fit);
  const angleOf = scaleLinear().domain([0, Math.max(1, ids.length)]).range([-Math.PI / 2, (3 * Math.PI) / 2]);
  // Neighbours must not touch: keep a node's diameter under 70% of the chord between them.
  const chord = ids.length <= 1 ? Infinity : 2 * ringRadius * Math.sin(Math.PI / ids.length);
  const nodeRadius = Math.min(MAX_NODE_RADIUS, chord * 0.35);
  const nodes = ids.map((id, i) => {
    const angle = angleOf(i);
    return { id, angle, x: round(center.x + ringRadius * Math.cos(angle)), y: round(center.y + ringRadius * Math.sin(angle)) };
  });
  return { width, height, center, ringRadius, nodeRadius, nodes, byId: new Map(nodes.map((n) => [n.id, n])) };
}

/** Rounds to 0.01 so SVG attributes (and snapshots) stay short and stable. */
export function round(v: number): number {
  return Math.round(v * 100) / 100;
}

export interface LabelPlace extends Point {
  readonly anchor: 'start' | 'middle' | 'end';
  /** Where the text block sits against its point: above it, centred on it, or below it. */
  readonly side: 'above' | 'beside' | 'below';
  /** How many characters a line may have before it would leave the box. */
  readonly maxChars: number;
}

/** The labels' font size, and a generous average glyph width at that size (Inter), to clip lines before they overflow. */
/** The id's size inside a node, as .node-id sets it; longer ids get smaller (idFontPx). */
export const ID_FONT_PX = 19;
/** The width of an average glyph of the id's font (Inter, semibold), in em. */
const ID_CHAR_EM = 0.62;

/** A font size that keeps `id` inside a node of `radius`: "n1" at full size, "backend" smaller. */
export function idFontPx(id: string, radius: number): number {
  const fits = (radius * 1.7) / (Math.max(1, id.length) * ID_CHAR_EM);
  return Math.min(ID_FONT_PX, Math.round(fits * 10) / 10);
}

export const LABEL_FONT_PX = 16;
export const LABEL_CHAR_PX = 9.2;

export const LINE_EM = 1.15;

/** The first line's vertical shift in em, so a block of `lines` lines sits on its side of the point. */
export function firstLineDy(side: LabelPlace['side'], lines: number): number {
  const extra = Math.max(0, lines - 1) * LINE_EM;
  if (side === 'below') return 0.8;
  if (side === 'above') return round(-0.3 - extra);
  return round(0.35 - extra / 2);
}

/** Puts a node's label just outside the ring, on the node's own ray, and says how long it may be. */
export function labelPlace(node: NodePlace, layout: Pick<RingLayout, 'width' | 'nodeRadius' | 'ringRadius'>): LabelPlace {
  const room = (x: number, anchor: LabelPlace['anchor']) => {
    const px = anchor === 'start' ? layout.width - x : anchor === 'end' ? x : 2 * Math.min(x, layout.width - x);
    return Math.max(4, Math.floor((px - 4) / LABEL_CHAR_PX));
  };
  if (layout.ringRadius === 0) {
    return { x: node.x, y: node.y + layout.nodeRadius + LABEL_GAP, anchor: 'middle', side: 'below', maxChars: room(node.x, 'middle') };
  }
  const cos = Math.cos(node.angle);
  const sin = Math.sin(node.angle);
  const gap = layout.nodeRadius + LABEL_GAP;
  const anchor = cos > 0.35 ? 'start' : cos < -0.35 ? 'end' : 'middle';
  const side = sin > 0.35 ? 'below' : sin < -0.35 ? 'above' : 'beside';
  const x = round(node.x + gap * cos);
  return { x, y: round(node.y + gap * sin), anchor, side, maxChars: room(x, anchor) };
}

export interface Segment {
  readonly a: Point;
  readonly b: Point;
}

/** The part of the line between two nodes that lies outside both circles. */
export function edgeSegment(from: Point, to: Point, radius: number): Segment {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  return {
    a: { x: round(from.x + ux * radius), y: round(from.y + uy * radius) },
    b: { x: round(to.x - ux * radius), y: round(to.y - uy * radius) },
  };
}

export function lerp(s: Segment, p: number): Point {
  return { x: round(s.a.x + (s.b.x - s.a.x) * p), y: round(s.a.y + (s.b.y - s.a.y) * p) };
}

/**
 * A band around a segment, as an SVG path: the click target of a link. It has an area even for a
 * horizontal or vertical line, whose own bounding box would be flat.
 */
export function bandPath(seg: Segment, halfWidth: number): string {
  const len = Math.hypot(seg.b.x - seg.a.x, seg.b.y - seg.a.y) || 1;
  const nx = (-(seg.b.y - seg.a.y) / len) * halfWidth;
  const ny = ((seg.b.x - seg.a.x) / len) * halfWidth;
  const p = (x: number, y: number) => `${round(x)},${round(y)}`;
  return `M${p(seg.a.x + nx, seg.a.y + ny)}L${p(seg.b.x + nx, seg.b.y + ny)}L${p(seg.b.x - nx, seg.b.y - ny)}L${p(seg.a.x - nx, seg.a.y - ny)}Z`;
}

/** Every unordered pair of nodes once, in node order. */
export function allPairs(ids: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  ids.forEach((a, i) => ids.slice(i + 1).forEach((b) => out.push([a, b])));
  return out;
}

export type LinkState =
  | { readonly kind: 'up' }
  | { readonly kind: 'cut' }
  /** Only messages from `from` to `to` are cut. */
  | { readonly kind: 'oneWay'; readonly from: string; readonly to: string };

export function linkState(a: string, b: string, cut: readonly (readonly [string, string])[]): LinkState {
  const ab = cut.some(([x, y]) => x === a && y === b);
  const ba = cut.some(([x, y]) => x === b && y === a);
  if (ab && ba) return { kind: 'cut' };
  if (ab) return { kind: 'oneWay', from: a, to: b };
  if (ba) return { kind: 'oneWay', from: b, to: a };
  return { kind: 'up' };
}

export interface CutMark {
  /** The drawn halves of the cut lane, with a gap between them. */
  readonly parts: readonly [Segment, Segment];
  /** Where the ✕ goes (in the gap). */
  readonly cross: Point;
}

/** Moves a segment sideways by `d`, to the right of the direction a→b (y points down). */
export function shiftSegment(seg: Segment, d: number): Segment {
  const len = Math.hypot(seg.b.x - seg.a.x, seg.b.y - seg.a.y) || 1;
  const nx = (-(seg.b.y - seg.a.y) / len) * d;
  const ny = ((seg.b.x - seg.a.x) / len) * d;
  return { a: { x: round(seg.a.x + nx), y: round(seg.a.y + ny) }, b: { x: round(seg.b.x + nx), y: round(seg.b.y + ny) } };
}

/** How far a one-way cut is drawn beside the link: on the side its messages travel. */
export const ONE_WAY_OFFSET = 7;

/**
 * A cut: dashed halves with a gap and a ✕ in the middle. A cut both ways sits on the link; a
 * one-way cut sits on the lane of the cut direction (where its messages would travel), so the
 * working direction still shows as a plain line. `segStartId` names the node at `seg.a`.
 */
export function cutMark(seg: Segment, state: LinkState, segStartId: string, gap = 18): CutMark {
  const lane = state.kind === 'oneWay' ? shiftSegment(seg, state.from === segStartId ? ONE_WAY_OFFSET : -ONE_WAY_OFFSET) : seg;
  const len = Math.hypot(lane.b.x - lane.a.x, lane.b.y - lane.a.y) || 1;
  const half = Math.min(0.45, gap / 2 / len);
  return { parts: [{ a: lane.a, b: lerp(lane, 0.5 - half) }, { a: lerp(lane, 0.5 + half), b: lane.b }], cross: lerp(lane, 0.5) };
}

/** How far along its link a message is at `now`: 0 at the sender, 1 at the receiver. */
export function messageProgress(m: Pick<MessageInFlight, 'sentAt' | 'arrive'>, now: number): number {
  const span = m.arrive - m.sentAt;
  if (!(span > 0)) return 1;
  return Math.min(1, Math.max(0, (now - m.sentAt) / span));
}

/** Messages travel on their own side of the line, so the two directions do not overlap. */
export const LANE_OFFSET = 5;

export function messagePoint(m: MessageInFlight, now: number, layout: RingLayout): Point | null {
  const from = layout.byId.get(m.from);
  const to = layout.byId.get(m.to);
  if (from === undefined || to === undefined || from === to) return null;
  const seg = edgeSegment(from, to, layout.nodeRadius);
  const p = lerp(seg, messageProgress(m, now));
  const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  // The normal to the right of the direction of travel (y points down).
  const nx = -(to.y - from.y) / len;
  const ny = (to.x - from.x) / len;
  return { x: round(p.x + nx * LANE_OFFSET), y: round(p.y + ny * LANE_OFFSET) };
}
