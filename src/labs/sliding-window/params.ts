/** The sliding-window lab's parameters: the limit, the window, and the hardened key table's size. */
import type { ParamSpec } from '../../sim/params';
import { BACKEND_PARAMS, clientParams } from '../traffic/params';

export const SLIDING_WINDOW_PARAMS: readonly ParamSpec[] = [
  { name: 'limit', label: 'Requests per window', kind: 'int', min: 1, max: 10_000, default: 10 },
  { name: 'windowMs', label: 'Window', kind: 'number', min: 10, max: 600_000, default: 1000, unit: 'ms' },
  { name: 'maxKeys', label: 'Keys kept at most (hardened)', kind: 'int', min: 1, max: 100_000, default: 1000 },
  ...clientParams({ clients: 2, load: 'poisson', clientIntervalMs: 80 }),
  ...BACKEND_PARAMS,
];
