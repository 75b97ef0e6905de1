/**
 * The breaker's statechart, drawn from the XState machine definition the node runs (states,
 * transitions with event and guard), with the live state lit, its counters and the time left
 * before an open breaker lets a probe through.
 */
import type { BreakerChart, BreakerReading } from '../../labs/traffic/breakerChartModel';
import type { PictureProps } from '../pictureProps';
import './traffic.css';

const W = 520;
const H = 220;
const BOX = { w: 110, h: 40 };
/** States on a triangle: closed left, open right, half-open below between them. */
const SPOTS = [
  { x: 70, y: 60 },
  { x: 450, y: 60 },
  { x: 260, y: 180 },
];

/** Where a line from the centre of a state's box toward (tx, ty) leaves the box. */
function exitPoint(c: { x: number; y: number }, tx: number, ty: number): { x: number; y: number } {
  const dx = tx - c.x;
  const dy = ty - c.y;
  const scale = Math.min(dx === 0 ? Infinity : BOX.w / 2 / Math.abs(dx), dy === 0 ? Infinity : BOX.h / 2 / Math.abs(dy));
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

function Edge({ from, to, label }: { from: { x: number; y: number }; to: { x: number; y: number }; label: string }) {
  // Every edge bends to its left, so an edge and its reverse take opposite sides.
  const bend = 30;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const cx = (from.x + to.x) / 2 + (dy / len) * bend;
  const cy = (from.y + to.y) / 2 - (dx / len) * bend;
  const a = exitPoint(from, cx, cy);
  const b = exitPoint(to, cx, cy);
  // The label sits on the curve's midpoint.
  const lx = 0.25 * a.x + 0.5 * cx + 0.25 * b.x;
  const ly = 0.25 * a.y + 0.5 * cy + 0.25 * b.y;
  return (
    <g className="breaker-edge">
      <path d={`M${a.x},${a.y} Q${cx},${cy} ${b.x},${b.y}`} markerEnd="url(#breaker-arrow)" />
      <text x={lx} y={ly} textAnchor="middle" dy="0.35em">
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
      {chart.edges.map((e) => (
        <Edge key={`${e.from}-${e.to}-${e.label}`} from={spot(e.from)} to={spot(e.to)} label={e.label} />
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

export default function BreakerChartPanel({ model }: PictureProps<'breaker-chart'>) {
  const { chart, readings } = model;
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
