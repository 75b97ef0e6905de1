/**
 * Each gate's decisions on a time axis that ends at its clock's now: its level as a line (tokens,
 * window count, breaker state, average latency) and every decision as a tick below it, coloured
 * by outcome; above, the rate let through against the configured rate. A level below zero (a
 * hardened bucket's tokens reserved by waiting requests) is drawn below a zero line.
 */
import { line, scaleLinear } from 'd3';
import { useRef } from 'react';
import { formatTick } from '../../labs/contract/numberText';
import { useElementWidth } from '../useElementWidth';
import { SPAN_MS, type GateSeries, type GateTick } from '../../labs/traffic/decisionsModel';
import type { PictureProps } from '../pictureProps';
import './traffic.css';

const HEIGHT = 136;
/** Two strips under the level: the gate's decisions, then the outcomes of the calls it let through. */
const STRIP_H = 12;
const PAD = { left: 44, right: 10, top: 8, bottom: 20 };

function rateText(g: GateSeries): string {
  const measured = `${g.measuredRps.toFixed(1)}/s let through`;
  return g.configuredRps === null ? measured : `${measured} · configured ${g.configuredRps}/s`;
}

function GateChart({ g, width }: { readonly g: GateSeries; readonly width: number }) {
  const x = scaleLinear().domain([Math.max(0, g.now - SPAN_MS), Math.max(g.now, 1)]).range([PAD.left, width - PAD.right]);
  const y = scaleLinear().domain([g.levelMin, g.levelMax]).range([HEIGHT - PAD.bottom - 2 * STRIP_H - 8, PAD.top]);
  const path = line<(typeof g.levelPoints)[number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))(g.levelPoints);
  const stripY = (tick: GateTick) => HEIGHT - PAD.bottom - (tick.strip === 'outcome' ? STRIP_H : 2 * STRIP_H + 3);
  return (
    <figure className="traffic-gate" aria-label={`${g.id}: ${rateText(g)}; in the last ${SPAN_MS / 1000} s ${g.allowed} let through, ${g.refused} not; ${g.succeeded} calls succeeded, ${g.failed} failed`}>
      <figcaption>
        <strong>{g.id}</strong> <span className="muted">{g.kind}</span> · <span data-testid={`rate-${g.id}`}>{rateText(g)}</span>
      </figcaption>
      <svg width={width} height={HEIGHT} role="img" aria-hidden="true">
        {y.ticks(3).map((t) => (
          <g key={t} className="traffic-grid">
            <line x1={PAD.left} x2={width - PAD.right} y1={y(t)} y2={y(t)} />
            <text x={PAD.left - 6} y={y(t)} dy="0.35em" textAnchor="end">
              {g.kind === 'breaker' ? (['closed', 'half', 'open'][t] ?? '') : formatTick(t)}
            </text>
          </g>
        ))}
        {g.levelMin < 0 && <line className="traffic-zero" x1={PAD.left} x2={width - PAD.right} y1={y(0)} y2={y(0)} />}
        {path !== null && <path className="traffic-level" d={path} />}
        {g.ticks.map((tick, i) => (
          <line key={i} className={`traffic-tick code-${tick.code}`} x1={x(tick.t)} x2={x(tick.t)} y1={stripY(tick)} y2={stripY(tick) + STRIP_H} />
        ))}
        <g className="traffic-axis">
          {x.ticks(Math.max(2, Math.floor(width / 110))).map((t) => (
            <text key={t} x={x(t)} y={HEIGHT - 4} textAnchor="middle">
              {formatTick(t)}
            </text>
          ))}
        </g>
        <text className="traffic-level-name" x={PAD.left + 4} y={PAD.top + 8}>
          {g.levelName}
        </text>
      </svg>
    </figure>
  );
}

export default function DecisionsPanel({ model: gates }: PictureProps<'gate-decisions'>) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, 560);
  return (
    <div ref={box} className="traffic-decisions">
      {gates.map((g) => (
        <GateChart key={g.id} g={g} width={width} />
      ))}
      <p className="traffic-key muted">
        Decisions: <span className="key-swatch code-allowed" /> let through <span className="key-swatch code-rejected" /> rejected <span className="key-swatch code-fallback" /> fallback · calls:{' '}
        <span className="key-swatch code-succeeded" /> succeeded <span className="key-swatch code-failed" /> failed
      </p>
    </div>
  );
}
