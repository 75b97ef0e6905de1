/** Degradation gauges: the error rate and the average latency the strategy decides by, against their thresholds. */
import { scaleLinear } from 'd3';
import type { Gauge } from '../../labs/traffic/gaugesModel';
import type { PictureProps } from '../pictureProps';
import './traffic.css';

const BAR_W = 260;
const BAR_H = 14;

function GaugeRow({ g }: { readonly g: Gauge }) {
  const x = scaleLinear().domain([0, g.max]).range([0, BAR_W]).clamp(true);
  return (
    <div className="gauge">
      <span>{g.name}</span>
      <svg width={BAR_W} height={BAR_H + 4} role="img" aria-label={`${g.name}: ${g.text}`}>
        <rect className="gauge-track" x={0} y={2} width={BAR_W} height={BAR_H} rx={3} />
        <rect className={`gauge-bar${g.value > g.threshold ? ' over' : ''}`} x={0} y={2} width={x(g.value)} height={BAR_H} rx={3} />
        <line className="gauge-threshold" x1={x(g.threshold)} x2={x(g.threshold)} y1={0} y2={BAR_H + 4} />
      </svg>
      <span className="muted">{g.text}</span>
    </div>
  );
}

export default function DegradationPanel({ model: gauges }: PictureProps<'degradation-gauges'>) {
  return (
    <div className="traffic-gauges">
      {gauges.map((d) => (
        <div key={d.id}>
          <p role="status" aria-label={`${d.id} ${d.degraded ? 'degraded: falling back' : 'calling the primary'}`}>
            <strong>{d.id}</strong>: {d.degraded ? 'degraded, falling back' : 'calling the primary'}
          </p>
          {d.gauges.map((g) => (
            <GaugeRow key={g.name} g={g} />
          ))}
        </div>
      ))}
    </div>
  );
}
