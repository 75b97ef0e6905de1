/** A lab's timer around a node: an arc that shrinks clockwise from the top as the timer runs down. */
import { arc } from 'd3';

interface Props {
  readonly x: number;
  readonly y: number;
  readonly radius: number;
  /** 0..1, the part of the timer still to run. */
  readonly fraction: number;
}

const RING_PX = 3.5;

/** The arc's path, centred on 0,0 (pure; numbers rounded so snapshots are stable). */
export function timerArcPath(radius: number, fraction: number): string {
  const f = Math.max(0, Math.min(1, fraction));
  const path = arc().digits(2)({ innerRadius: radius + 5, outerRadius: radius + 5 + RING_PX, startAngle: 0, endAngle: 2 * Math.PI * f });
  return path ?? '';
}

export function TimerArc({ x, y, radius, fraction }: Props) {
  return (
    <g className="node-timer" transform={`translate(${x},${y})`} aria-hidden="true">
      <circle className="node-timer-track" r={radius + 5 + RING_PX / 2} fill="none" strokeWidth={RING_PX} />
      <path className="node-timer-arc" d={timerArcPath(radius, fraction)} />
    </g>
  );
}
