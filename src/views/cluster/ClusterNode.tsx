/** One node on the ring: a circle coloured by role, its id inside, its role and detail outside. */
import type { KeyboardEvent } from 'react';
import type { NodeDecoration } from '../../labs/contract/decoration';
import { inkOn } from '../palette';
import { firstLineDy, ID_FONT_PX, idFontPx, LABEL_FONT_PX, labelPlace, LINE_EM, type NodePlace, type RingLayout } from './layout';
import type { NodeDisplay } from '../../labs/contract/look';
import { clip } from '../format';
import { TimerArc } from './TimerArc';

interface Props {
  readonly place: NodePlace;
  readonly display: NodeDisplay;
  readonly color: string;
  readonly layout: Pick<RingLayout, 'width' | 'nodeRadius' | 'ringRadius'>;
  readonly selected: boolean;
  readonly onOpen: (id: string, byKeyboard: boolean) => void;
  /** What the lab adds (its `decorate`): a timer arc and a label line. */
  readonly decoration?: NodeDecoration | null;
}

function lineClass(line: string, i: number): string | undefined {
  if (line.startsWith('threw: ')) return 'node-error';
  return i === 0 ? 'node-role' : undefined;
}

export function ClusterNode({ place, display, color, layout, selected, onOpen, decoration = null }: Props) {
  const radius = layout.nodeRadius;
  const label = labelPlace(place, layout);
  const ink = inkOn(color);
  const idPx = idFontPx(display.id, radius);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(display.id, true);
    }
  };
  const lines = [display.role, display.detail, decoration?.line ?? '', display.error === null ? '' : `threw: ${display.error}`].filter((l) => l !== '').map((l) => clip(l, label.maxChars));
  return (
    <g
      className={`cluster-node status-${display.status}${selected ? ' selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={display.name}
      aria-pressed={selected}
      data-node={display.id}
      onClick={() => onOpen(display.id, false)}
      onKeyDown={onKeyDown}
    >
      <title>{decoration === null || decoration.description === '' ? display.name : `${display.name}; ${decoration.description}`}</title>
      <circle className="node-focus" cx={place.x} cy={place.y} r={radius + 7} />
      {decoration?.arc != null && display.status === 'up' && <TimerArc x={place.x} y={place.y} radius={radius} fraction={decoration.arc} />}
      <circle className="node-body" cx={place.x} cy={place.y} r={radius} fill={color} />
      {display.status === 'paused' && <circle className="node-paused-ring" cx={place.x} cy={place.y} r={radius + 3.5} />}
      {display.status === 'down' && <line className="node-down-slash" x1={place.x - radius * 0.7} y1={place.y + radius * 0.7} x2={place.x + radius * 0.7} y2={place.y - radius * 0.7} />}
      <text className="node-id" x={place.x} y={place.y} dy="0.35em" textAnchor="middle" fill={ink} style={idPx < ID_FONT_PX ? { fontSize: idPx } : undefined}>
        {display.id}
      </text>
      <text className="node-label" x={label.x} y={label.y} textAnchor={label.anchor} fontSize={LABEL_FONT_PX}>
        {lines.map((line, i) => (
          <tspan key={i} x={label.x} dy={`${i === 0 ? firstLineDy(label.side, lines.length) : LINE_EM}em`} className={lineClass(line, i)}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}
