/** The link between two nodes: a line when up, dashed red halves with a gap and ✕ when cut. */
import type { KeyboardEvent } from 'react';
import { bandPath, cutMark, edgeSegment, type LinkState, type Point } from './layout';

interface Props {
  readonly a: { readonly id: string } & Point;
  readonly b: { readonly id: string } & Point;
  readonly radius: number;
  readonly state: LinkState;
  readonly selected: boolean;
  readonly onOpen: (a: string, b: string, byKeyboard: boolean) => void;
}

export function linkName(a: string, b: string, state: LinkState): string {
  if (state.kind === 'up') return `link ${a}–${b}, up`;
  if (state.kind === 'cut') return `link ${a}–${b}, cut`;
  return `link ${a}–${b}, cut ${state.from}→${state.to} only`;
}

const CROSS = 6;

export function ClusterLink({ a, b, radius, state, selected, onOpen }: Props) {
  const seg = edgeSegment(a, b, radius + 4);
  const name = linkName(a.id, b.id, state);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(a.id, b.id, true);
    }
  };
  const mark = state.kind === 'up' ? null : cutMark(seg, state, a.id);
  return (
    <g
      className={`cluster-link link-${state.kind}${selected ? ' selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={name}
      aria-pressed={selected}
      data-link={`${a.id}-${b.id}`}
      data-state={state.kind}
      onClick={() => onOpen(a.id, b.id, false)}
      onKeyDown={onKeyDown}
    >
      <title>{name}</title>
      <path className="link-hit" d={bandPath(seg, 8)} />
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
