/** The degradation lab's parameters; thresholds are the seed's (error rate 0.5, average latency 2 s). */
import type { ParamSpec } from '../../sim/params';
import { BACKEND_PARAMS, clientParams } from '../traffic/params';

export const DEGRADATION_PARAMS: readonly ParamSpec[] = [
  { name: 'errorRateThreshold', label: 'Error rate threshold', kind: 'number', min: 0, max: 1, default: 0.5 },
  { name: 'latencyThresholdMs', label: 'Average latency threshold', kind: 'number', min: 1, max: 600_000, default: 2000, unit: 'ms' },
  { name: 'fallback', label: 'Fallback', kind: 'enum', options: ['custom', 'static', 'none'], default: 'custom' },
  { name: 'windowMs', label: 'Rolling window (hardened)', kind: 'number', min: 1000, max: 600_000, default: 10_000, unit: 'ms' },
  { name: 'minSamples', label: 'Fewest calls to decide on (hardened)', kind: 'int', min: 1, max: 10_000, default: 5 },
  ...clientParams({ clients: 2, load: 'constant', clientIntervalMs: 100 }),
  ...BACKEND_PARAMS,
];
