/** The worker pool: its queue, and a lane per worker with the tasks it ran on a time axis ending now. */
import { scaleLinear } from 'd3';
import { useRef } from 'react';
import { formatTick } from '../../labs/contract/numberText';
import { useElementWidth } from '../useElementWidth';
import type { PoolModel } from '../../labs/traffic/poolModel';
import type { PictureProps } from '../pictureProps';
import './traffic.css';

const LANE_H = 14;
const LABEL_W = 36;
const AXIS_H = 16;

function Lanes({ m, width }: { readonly m: PoolModel; readonly width: number }) {
  const x = scaleLinear().domain([Math.max(0, m.now - m.spanMs), Math.max(m.now, 1)]).range([LABEL_W, width - 8]).clamp(true);
  const height = m.lanes.length * (LANE_H + 3) + AXIS_H;
  return (
    <svg width={width} height={height} role="img" aria-label={`${m.lanes.length} worker lanes, ${m.lanes.filter((l) => l.some((t) => t.outcome === 'running')).length} busy`}>
      {m.lanes.map((lane, i) => (
        <g key={i} transform={`translate(0,${i * (LANE_H + 3)})`}>
          <text className="pool-lane-label" x={0} y={LANE_H / 2} dy="0.35em">
            w{i}
          </text>
          {lane.map((t, j) => (
            <rect key={j} className={t.outcome === 'running' ? 'pool-running' : `code-${t.outcome === 'done' ? 'allowed' : t.outcome}`} x={x(t.start)} width={Math.max(1, x(t.end) - x(t.start) - 1)} y={0} height={LANE_H} rx={2} />
          ))}
        </g>
      ))}
      <g className="traffic-axis">
        {x.ticks(Math.max(2, Math.floor(width / 110))).map((t) => (
          <text key={t} x={x(t)} y={height - 4} textAnchor="middle">
            {formatTick(t)}
          </text>
        ))}
      </g>
    </svg>
  );
}

export default function PoolPanel({ model: pools }: PictureProps<'pool-lanes'>) {
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, 560);
  return (
    <div ref={box} className="traffic-pool">
      {pools.map((m) => (
        <div key={m.id}>
          <p role="status" aria-label={`${m.id} ${m.state}, ${m.queued} queued`}>
            <strong>{m.id}</strong>: {m.state} · queue <span data-testid="pool-queued">{m.queued}</span> · {m.done} done · {m.failed} failed · {m.panicked} panicked · {m.rejected} refused
            {m.state !== 'running' && ` · ${m.exited}/${m.lanes.length} workers returned`}
          </p>
          <Lanes m={m} width={width} />
        </div>
      ))}
      <p className="traffic-key muted">
        <span className="key-swatch pool-running" style={{ background: 'var(--accent)' }} /> running <span className="key-swatch code-allowed" /> done <span className="key-swatch code-failed" /> failed{' '}
        <span className="key-swatch code-panicked" /> panicked
      </p>
    </div>
  );
}
