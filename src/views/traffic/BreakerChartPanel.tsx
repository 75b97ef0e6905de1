/**
 * The breaker's statechart, drawn from the XState machine definition the node runs (states,
 * transitions with event and guard), with the live state lit, its counters and the time left
 * before an open breaker lets a probe through.
 */
import { useMemo } from 'react';
import type { LabPanelProps } from '../labViews';
import { breakerChart, breakerReading, type BreakerChart, type BreakerReading } from './breakerChartModel';
import './traffic.css';

const W = 520;
const H = 190;
const BOX = { w: 110, h: 40 };
/** States on a triangle: closed left, open right, half-open below between them. */
const SPOTS = [
  { x: 90, y: 50 },
  { x: 430, y: 50 },
  { x: 260, y: 150 },
];

function Edge({ from, to, label, index }: { from: { x: number; y: number }; to: { x: number; y: number }; label: string; index: number }) {
  // Two edges between the same states bend to opposite sides, so both stay readable.
  const bend = index % 2 === 0 ? 28 : -28;
  const mx = (from.x + to.x) / 2;
  const my = (from.y + to.y) / 2;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const cx = mx - (dy / len) * bend;
  const cy = my + (dx / len) * bend;
  return (
    <g className="breaker-edge">
      <path d={`M${from.x},${from.y} Q${cx},${cy} ${to.x},${to.y}`} markerEnd="url(#breaker-arrow)" />
      <text x={cx} y={cy} textAnchor="middle" dy="0.35em">
        {label}
      </text>
    </g>
  );
}

function Chart({ chart, reading }: { readonly chart: BreakerChart; readonly reading: BreakerReading }) {
  const spot = (state: string) => SPOTS[chart.states.indexOf(state)] ?? { x: 0, y: 0 };
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Breaker statechart (${reading.variant}), now ${reading.state}`}>
      <defs>
        <marker id="breaker-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0L10,5L0,10Z" fill="var(--border-strong)" />
        </marker>
      </defs>
      {chart.edges.map((e, i) => (
        <Edge key={`${e.from}-${e.to}-${e.label}`} from={spot(e.from)} to={spot(e.to)} label={e.label} index={i} />
      ))}
      {chart.states.map((state) => {
        const { x, y } = spot(state);
        const current = state === reading.state;
        return (
          <g key={state} className={`breaker-state state-${state}${current ? ' is-current' : ''}`} data-state={state} aria-current={current ? 'true' : undefined}>
            <rect x={x - BOX.w / 2} y={y - BOX.h / 2} width={BOX.w} height={BOX.h} rx={10} />
            <text x={x} y={y} textAnchor="middle" dy="0.35em">
              {state}
            </text>
            <title>{`${state}: handles ${(chart.inPlace[state] ?? []).join(', ') || 'nothing'} in place`}</title>
          </g>
        );
      })}
    </svg>
  );
}

function Counters({ r }: { readonly r: BreakerReading }) {
  const items: [string, string][] = [
    ['state', r.state],
    ['failures in a row', `${r.failures}/${r.maxFailures}`],
    ['half-open calls', `${r.halfOpenCalls}/${r.halfOpenMaxCalls}`],
    ['successes', String(r.successes)],
    ['generation', String(r.generation)],
  ];
  if (r.halfOpenInMs !== null) items.push(['half-open in', `${Math.round(r.halfOpenInMs)} ms`]);
  return (
    <dl className="breaker-counters" aria-label="Breaker counters">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd data-testid={`breaker-${k.replace(/ /g, '-')}`}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function BreakerChartPanel({ frame }: LabPanelProps) {
  const readings = useMemo(() => frame.nodes.flatMap((n) => breakerReading(n) ?? []), [frame.nodes]);
  const variant = readings[0]?.variant ?? 'hardened';
  const chart = useMemo(() => breakerChart(variant), [variant]);
  return (
    <div className="traffic-breaker">
      {readings.map((r) => (
        <div key={r.id}>
          <Chart chart={chart} reading={r} />
          <Counters r={r} />
        </div>
      ))}
      {readings.length === 0 && <p className="muted">The breaker is down.</p>}
    </div>
  );
}
