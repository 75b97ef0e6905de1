/** The degradation gauges' view model (pure): what the strategy last read, against its thresholds. */
import type { DegradeNodeState } from '../../protocols/traffic';
import type { NodeFrame } from '../../runtime/frame';
import { stateOf } from '../contract/nodeState';

export interface Gauge {
  readonly name: string;
  readonly value: number;
  readonly threshold: number;
  readonly max: number;
  readonly text: string;
}

export interface DegradationGauges {
  readonly id: string;
  readonly degraded: boolean;
  readonly gauges: readonly [Gauge, Gauge];
}

export function degradationGauges(node: NodeFrame): DegradationGauges | null {
  const s = stateOf<DegradeNodeState>(node, 'degrader');
  if (s === null || !('reading' in s)) return null;
  const { errorRate, avgLatencyMs } = s.reading;
  const t = s.thresholds;
  return {
    id: node.id,
    degraded: s.degraded,
    gauges: [
      { name: 'error rate', value: errorRate, threshold: t.errorRate, max: 1, text: `${(errorRate * 100).toFixed(0)}% (above ${(t.errorRate * 100).toFixed(0)}% degrades)` },
      { name: 'average latency', value: avgLatencyMs, threshold: t.latencyMs, max: Math.max(t.latencyMs * 2, avgLatencyMs), text: `${Math.round(avgLatencyMs)} ms (above ${t.latencyMs} ms degrades)` },
    ],
  };
}

declare module '../contract/pictures' {
  interface PictureModels {
    'degradation-gauges': readonly DegradationGauges[];
  }
}
