/**
 * The lock timeline: one lane per client across virtual time, showing when it waits, holds, and
 * believes it holds a lock that is already gone, with its token, and where the article's second
 * Unlock panicked; a lane of the storage's writes
 * (accepted, rejected, interleaved); and a mark where an invariant broke. D3 gives the time
 * scale and ticks; React draws.
 */
import { scaleLinear } from 'd3';
import { useRef } from 'react';
import { panicLabel, spellLabel, writeLabel, type PanicMark, type Spell } from '../../labs/locks/lockTimelineModel';
import type { PictureProps } from '../pictureProps';
import { useElementWidth } from '../useElementWidth';
import './locks.css';

const LANE_H = 26;
const LABEL_W = 64;
const AXIS_H = 22;
const TOP = 18;
/** The timeline shows the whole run up to this long; beyond, the latest part of it. */
const MAX_SPAN_MS = 10_000;
const MIN_SPAN_MS = 1000;

const LEGEND: readonly (readonly [string, string])[] = [
  ['lock-swatch lock-waiting', 'waiting'],
  ['lock-swatch lock-holding', 'holding (#token)'],
  ['lock-swatch lock-stale', 'believes it holds, lock gone'],
  ['lock-dot is-accepted', 'write accepted'],
  ['lock-dot is-rejected', 'rejected'],
  ['lock-dot is-interleaved', 'interleaved'],
];
/** Shown only when the timeline has a panic: most runs have none. */
const PANIC_KEY: readonly [string, string] = ['lock-panic-key', 'panic (second Unlock)'];

function SpellRect({ s, x, y, now }: { readonly s: Spell; readonly x: (t: number) => number; readonly y: number; readonly now: number }) {
  const x0 = x(s.from);
  const width = Math.max(1, x(s.to ?? now) - x0);
  const label = spellLabel(s, now);
  return (
    <g className={`lock-spell lock-${s.kind}`} role="listitem" aria-label={label}>
      <title>{label}</title>
      <rect x={x0} y={y + 3} width={width} height={LANE_H - 6} rx={3} />
      {s.token !== null && width > 28 && (
        <text x={x0 + 4} y={y + LANE_H / 2 + 4}>
          #{s.token}
        </text>
      )}
    </g>
  );
}

/** A panic on its client's lane: a cross where the process would have died. */
function PanicCross({ p, x, y }: { readonly p: PanicMark; readonly x: number; readonly y: number }) {
  const r = 6;
  const label = panicLabel(p);
  return (
    <g className="lock-panic" role="listitem" aria-label={label}>
      <title>{label}</title>
      <path d={`M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`} />
      <text x={x + r + 3} y={y + 4}>
        panic
      </text>
    </g>
  );
}

export default function LockTimelinePanel({ model: picture }: PictureProps<'lock-timeline'>) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, 700);
  const { timeline: model, clients, now } = picture;

  const end = Math.max(now, MIN_SPAN_MS);
  const start = Math.max(0, end - MAX_SPAN_MS);
  const scale = scaleLinear().domain([start, end]).range([LABEL_W, Math.max(LABEL_W + 100, width - 12)]);
  const x = (t: number) => scale(Math.max(start, t));
  const storageY = TOP + clients.length * LANE_H;
  const height = storageY + LANE_H + AXIS_H;
  const visible = model.spells.filter((s) => (s.to ?? now) >= start);
  const shownViolations = model.violations.filter((v) => v.t >= start);
  const shownPanics = model.panics.filter((p) => p.t >= start);
  const legend = shownPanics.length > 0 ? [...LEGEND, PANIC_KEY] : LEGEND;
  // Marks of violations close in time would print over each other: each label keeps clear of the one before.
  const labelX = shownViolations.reduce<number[]>((xs, v) => [...xs, Math.max(x(v.t), (xs.at(-1) ?? -Infinity) + 22)], []);

  return (
    <div className="lock-timeline" ref={box}>
      <svg width={width} height={height} role="img" aria-label={`Lock timeline up to ${Math.round(now)} ms`}>
        {scale.ticks(6).map((t) => (
          <g key={t} className="lock-tick">
            <line x1={scale(t)} x2={scale(t)} y1={TOP} y2={height - AXIS_H} />
            <text x={scale(t)} y={height - 6} textAnchor="middle">
              {t} ms
            </text>
          </g>
        ))}
        {clients.map((c, i) => (
          <text key={c} className="lock-lane-label" x={4} y={TOP + i * LANE_H + LANE_H / 2 + 4}>
            {c}
          </text>
        ))}
        <text className="lock-lane-label" x={4} y={storageY + LANE_H / 2 + 4}>
          storage
        </text>
        <g role="list" aria-label="Who waits for and holds the lock">
          {visible.map((s) => (
            <SpellRect key={`${s.client}-${s.from}-${s.kind}`} s={s} x={x} y={TOP + clients.indexOf(s.client) * LANE_H} now={now} />
          ))}
        </g>
        {shownPanics.length > 0 && (
          <g role="list" aria-label="Panics">
            {shownPanics.map((p) => (
              <PanicCross key={`${p.client}-${p.t}`} p={p} x={x(p.t)} y={TOP + clients.indexOf(p.client) * LANE_H + LANE_H / 2} />
            ))}
          </g>
        )}
        <g role="list" aria-label="Writes at the storage">
          {model.writes
            .filter((w) => w.t >= start)
            .map((w, i) => (
              <g key={i} role="listitem" aria-label={writeLabel(w)} className={`lock-write ${w.accepted ? (w.interleaved ? 'is-interleaved' : 'is-accepted') : 'is-rejected'}`}>
                <title>{writeLabel(w)}</title>
                <circle cx={x(w.t)} cy={storageY + LANE_H / 2} r={5} />
                <line x1={x(w.t)} x2={x(w.t)} y1={TOP + clients.indexOf(w.client) * LANE_H + LANE_H - 3} y2={storageY + LANE_H / 2 - 5} />
              </g>
            ))}
        </g>
        {shownViolations.map((v, i) => (
          <g key={`${v.rule}-${v.t}`} className="lock-violation" aria-hidden="true">
            <line x1={x(v.t)} x2={x(v.t)} y1={TOP - 12} y2={height - AXIS_H} />
            <text x={labelX[i]} y={TOP - 3} textAnchor="middle">
              ⚠{i + 1}
            </text>
          </g>
        ))}
        <line className="lock-now" x1={x(now)} x2={x(now)} y1={TOP} y2={height - AXIS_H} />
      </svg>
      {shownViolations.length > 0 && (
        <ol className="lock-violations" aria-label="Violations on the timeline">
          {shownViolations.map((v, i) => (
            <li key={`${v.rule}-${v.t}`}>
              <strong>
                ⚠{i + 1} {v.rule}
              </strong>{' '}
              at {Math.round(v.t)} ms: {v.detail}
            </li>
          ))}
        </ol>
      )}
      <p className="lock-key">
        {legend.map(([className, text]) => (
          <span key={text} className="lock-key-item">
            <span className={className} /> {text}
          </span>
        ))}
      </p>
    </div>
  );
}
