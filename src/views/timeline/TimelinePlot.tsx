/** Draws the diagram's lanes, axis, messages and marks for one geometry. No state, no events. */
import { messageColor } from '../palette';
import { formatTick } from '../../labs/contract/numberText';
import { arrowHead, arrowLine, AXIS_H, crossPath, LANE_LABEL_W, type TimelineGeometry } from './geometry';
import type { NodeMark, TimelineModel } from './model';

function Mark({ m, x, y }: { m: NodeMark; x: number; y: number }) {
  const label = `${m.node} ${m.label} at ${Math.round(m.t * 10) / 10} ms`;
  switch (m.kind) {
    case 'crash':
    case 'violation':
      return (
        <path className={`tl-mark tl-${m.kind}`} d={m.kind === 'crash' ? crossPath(x, y, 7) : `M${x},${y - 8}L${x + 8},${y}L${x},${y + 8}L${x - 8},${y}Z`}>
          <title>{label}</title>
        </path>
      );
    case 'output':
      return (
        <line className="tl-mark tl-output" x1={x} y1={y - 9} x2={x} y2={y + 9}>
          <title>{label}</title>
        </line>
      );
    default:
      return (
        <path className={`tl-mark tl-${m.kind}`} d={`M${x},${y - 7}L${x + 6},${y + 5}L${x - 6},${y + 5}Z`}>
          <title>{label}</title>
        </path>
      );
  }
}

interface Props {
  readonly ids: readonly string[];
  readonly g: TimelineGeometry;
  readonly model: TimelineModel;
}

export function TimelinePlot({ ids, g, model }: Props) {
  const [x0, x1] = g.x.range() as [number, number];
  const bottom = g.height - 8;
  return (
    <>
      <g className="tl-axis" aria-hidden="true">
        {g.x.ticks(Math.max(2, Math.floor((x1 - x0) / 110))).map((t) => (
          <g key={t} transform={`translate(${Math.round(g.x(t))},0)`}>
            <line y1={AXIS_H - 6} y2={bottom} />
            <text y={AXIS_H - 10} textAnchor="middle">
              {formatTick(t)}
            </text>
          </g>
        ))}
      </g>
      <g className="tl-lanes">
        {ids.map((id) => (
          <g key={id}>
            <line className="tl-lane" x1={LANE_LABEL_W} x2={x1} y1={g.laneY.get(id)} y2={g.laneY.get(id)} />
            <text className="tl-lane-label" x={8} y={g.laneY.get(id)} dy="0.35em">
              {id}
            </text>
          </g>
        ))}
      </g>
      <g className="tl-content" transform={`translate(${g.shift},0)`}>
        <g className="tl-global" aria-hidden="true">
          {model.global.map((m) => (
            <line key={m.seq} x1={g.at(m.t)} x2={g.at(m.t)} y1={AXIS_H - 4} y2={bottom}>
              <title>{`${m.label} at ${Math.round(m.t * 10) / 10} ms`}</title>
            </line>
          ))}
        </g>
        <g className="tl-arrows" aria-hidden="true">
          {model.arrows.map((a) => {
            const line = arrowLine(a, g);
            if (line === null) return null;
            const color = messageColor(a.type);
            return (
              <g key={a.msgId} className={`tl-arrow tl-${a.end}`} stroke={color}>
                <line x1={line.x0} y1={line.y0} x2={line.x1} y2={line.y1} />
                {a.end === 'delivered' && <path d={arrowHead(line.x0, line.y0, line.x1, line.y1)} fill={color} stroke="none" />}
                {a.end === 'dropped' && <path className="tl-drop" d={crossPath(line.x1, line.y1, 4.5)} />}
              </g>
            );
          })}
        </g>
        <g className="tl-marks">
          {model.marks.map((m) => {
            const y = g.laneY.get(m.node);
            return y === undefined ? null : <Mark key={`${m.seq}:${m.node}`} m={m} x={g.at(m.t)} y={y} />;
          })}
        </g>
      </g>
    </>
  );
}
