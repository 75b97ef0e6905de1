/**
 * What each window limiter holds for the key it saw last, on a time axis of two windows ending
 * at the limiter's clock: the sliding log's stored request times against the trailing window,
 * the fixed window's count in the current and the previous window, and the counter's weighted
 * previous window; under each, the size of its key table (the memory the hardened table bounds).
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import { useRef } from 'react';
import { formatCount, formatTick } from '../../labs/contract/numberText';
import { useElementWidth } from '../useElementWidth';
import type { CountedWindow, WindowRow } from '../../labs/traffic/windowContentsModel';
import type { PictureProps } from '../pictureProps';
import './traffic.css';

const HEIGHT = 72;
const PAD = { left: 44, right: 10, top: 14, bottom: 18 };
const BAR_TOP = PAD.top;
const BAR_BOTTOM = HEIGHT - PAD.bottom;

const ALGORITHM_NAMES: Readonly<Record<string, string>> = {
  'sliding-log': 'sliding log',
  'fixed-window': 'fixed window',
  'sliding-counter': 'sliding-window counter',
};

/** One window's count as a bar whose height is its share of the limit (clipped to the axis). */
function CountBar({ x, w, end, limit, className }: { x: ScaleLinear<number, number>; w: CountedWindow; end: number; limit: number; className: string }) {
  const [lo, hi] = x.domain() as [number, number];
  const from = Math.max(lo, w.start);
  const to = Math.min(hi, end);
  if (to <= from) return null;
  const h = (BAR_BOTTOM - BAR_TOP) * Math.min(1, w.count / limit);
  return (
    <g className={className}>
      <rect x={x(from)} width={x(to) - x(from)} y={BAR_BOTTOM - h} height={h} />
      <text x={(x(from) + x(to)) / 2} y={BAR_BOTTOM - h - 2} textAnchor="middle">
        {w.count}
      </text>
    </g>
  );
}

function WindowChart({ row, width }: { readonly row: WindowRow; readonly width: number }) {
  const { windowMs, limit } = row.config;
  const x = scaleLinear().domain([row.now - 2 * windowMs, row.now]).range([PAD.left, width - PAD.right]);
  const trailing = <rect className="window-trailing" x={x(row.now - windowMs)} width={x(row.now) - x(row.now - windowMs)} y={BAR_TOP} height={BAR_BOTTOM - BAR_TOP} />;
  return (
    <svg width={width} height={HEIGHT} role="img" aria-hidden="true">
      {row.previous !== null && row.current !== null && (
        <>
          <CountBar x={x} w={row.previous} end={row.current.start} limit={limit} className="window-bar previous" />
          <CountBar x={x} w={row.current} end={row.now} limit={limit} className="window-bar current" />
          <line className="window-boundary" x1={x(row.current.start)} x2={x(row.current.start)} y1={BAR_TOP} y2={BAR_BOTTOM} />
        </>
      )}
      {/* Over the bars, so the counter's share of the previous window inside the last window shows. */}
      {row.algorithm !== 'fixed-window' && trailing}
      {row.entries.map((e, i) => (
        <line key={i} className={`window-entry${e.expired ? ' expired' : ''}`} x1={x(e.t)} x2={x(e.t)} y1={BAR_TOP + 6} y2={BAR_BOTTOM} />
      ))}
      <line className="window-baseline" x1={PAD.left} x2={width - PAD.right} y1={BAR_BOTTOM} y2={BAR_BOTTOM} />
      <g className="traffic-axis">
        {/* Early in a run the two windows reach before 0 ms, where nothing happened: no ticks there. */}
        {x.ticks(Math.max(2, Math.floor(width / 110))).filter((t) => t >= 0).map((t) => (
          <text key={t} x={x(t)} y={HEIGHT - 4} textAnchor="middle">
            {formatTick(t)}
          </text>
        ))}
      </g>
    </svg>
  );
}

function keyTable(row: WindowRow): string {
  return `${formatCount(row.keys)} ${row.keys === 1 ? 'key' : 'keys'} held (peak ${formatCount(row.peakKeys)}, ${formatCount(row.evicted)} evicted)`;
}

export default function WindowContentsPanel({ model: rows }: PictureProps<'window-contents'>) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, 560);
  return (
    <div ref={box} className="traffic-windows">
      {rows.map((row) => (
        <figure key={row.id} className="traffic-gate" aria-label={`${row.id}, ${ALGORITHM_NAMES[row.algorithm] ?? row.algorithm}: ${row.summary}; ${keyTable(row)}`}>
          <figcaption>
            <strong>{row.id}</strong> <span className="muted">{ALGORITHM_NAMES[row.algorithm]}</span> · <span data-testid={`window-${row.id}`}>{row.summary}</span>
          </figcaption>
          <WindowChart row={row} width={width} />
          <p className="traffic-keys muted">{keyTable(row)}</p>
        </figure>
      ))}
      <p className="traffic-key muted">
        <span className="key-swatch window-trailing" /> the last window · <span className="key-swatch window-entry" /> a request the log holds ·{' '}
        <span className="key-swatch window-bar" /> a window's count (full height: the limit)
      </p>
    </div>
  );
}
