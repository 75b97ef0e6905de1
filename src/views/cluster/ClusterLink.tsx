/**
 * A link between two nodes, in two parts. The drawing (a line when up; dashed red halves with a
 * gap and ✕ when cut) sits under the messages and nodes. The target (a transparent band with the
 * link's name, which takes clicks and keyboard focus) comes after the nodes in the document, so
 * Tab reaches the nodes first.
 */
import type { KeyboardEvent } from 'react';
import { bandPath, cutMark, edgeSegment, type LinkState, type Point } from './layout';

type End = { readonly id: string } & Point;

interface DrawingProps {
  readonly a: End;
  readonly b: End;
  readonly radius: number;
  readonly state: LinkState;
  readonly selected: boolean;
}

interface TargetProps extends DrawingProps {
  readonly onOpen: (a: string, b: string, byKeyboard: boolean) => void;
}

export function linkName(a: string, b: string, state: LinkState): string {
  if (state.kind === 'up') return `link ${a}–${b}, up`;
  if (state.kind === 'cut') return `link ${a}–${b}, cut`;
  return `link ${a}–${b}, cut ${state.from}→${state.to} only`;
}

const CROSS = 6;

function segmentOf(a: End, b: End, radius: number) {
  return edgeSegment(a, b, radius + 4);
}

export function ClusterLinkDrawing({ a, b, radius, state, selected }: DrawingProps) {
  const seg = segmentOf(a, b, radius);
  const mark = state.kind === 'up' ? null : cutMark(seg, state, a.id);
  return (
    <g className={`cluster-link link-${state.kind}${selected ? ' selected' : ''}`} data-link={`${a.id}-${b.id}`} data-state={state.kind}>
      {state.kind !== 'cut' && <line className="link-line" x1={seg.a.x} y1={seg.a.y} x2={seg.b.x} y2={seg.b.y} />}
      {mark !== null && (
        <>
          {mark.parts.map((p, i) => (
            <line key={i} className="link-line link-cut" x1={p.a.x} y1={p.a.y} x2={p.b.x} y2={p.b.y} />
          ))}
          <path className="link-cross" d={`M${mark.cross.x - CROSS},${mark.cross.y - CROSS}L${mark.cross.x + CROSS},${mark.cross.y + CROSS}M${mark.cross.x - CROSS},${mark.cross.y + CROSS}L${mark.cross.x + CROSS},${mark.cross.y - CROSS}`} />
        </>
      )}
    </g>
  );
}

export function ClusterLinkTarget({ a, b, radius, state, selected, onOpen }: TargetProps) {
  const name = linkName(a.id, b.id, state);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(a.id, b.id, true);
    }
  };
  return (
    <path
      className={`link-target${selected ? ' selected' : ''}`}
      d={bandPath(segmentOf(a, b, radius), 8)}
      role="button"
      tabIndex={0}
      aria-label={name}
      aria-pressed={selected}
      onClick={() => onOpen(a.id, b.id, false)}
      onKeyDown={onKeyDown}
    >
      <title>{name}</title>
    </path>
  );
}
