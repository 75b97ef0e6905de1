/** The token bucket lab's parameters; defaults are the seed's (capacity 100, 10 tokens a second). */
import type { ParamSpec } from '../../sim/params';
import { BACKEND_PARAMS, clientParams } from '../traffic/params';

export const TOKEN_BUCKET_PARAMS: readonly ParamSpec[] = [
  { name: 'capacity', label: 'Bucket capacity', kind: 'number', min: 1, max: 10_000, default: 100 },
  { name: 'refillPerSec', label: 'Refill rate', kind: 'number', min: 0.1, max: 10_000, default: 10, unit: 'tokens/s' },
  { name: 'bucketScope', label: 'Bucket', kind: 'enum', options: ['shared', 'per-request'], default: 'shared' },
  { name: 'waitMs', label: 'Wait for a token up to (0: Allow)', kind: 'number', min: 0, max: 60_000, default: 0, unit: 'ms' },
  ...clientParams({ clients: 2, load: 'poisson', clientIntervalMs: 80 }),
  ...BACKEND_PARAMS,
];
