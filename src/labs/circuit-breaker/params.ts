/** The circuit breaker lab's parameters; half-open max calls is the seed's 5. */
import type { ParamSpec } from '../../sim/params';
import { BACKEND_PARAMS, clientParams } from '../traffic/params';

export const CIRCUIT_BREAKER_PARAMS: readonly ParamSpec[] = [
  { name: 'maxFailures', label: 'Failures in a row that trip it', kind: 'int', min: 1, max: 1000, default: 5 },
  { name: 'resetTimeoutMs', label: 'Open for', kind: 'number', min: 10, max: 600_000, default: 1000, unit: 'ms' },
  { name: 'halfOpenMaxCalls', label: 'Half-open max calls', kind: 'int', min: 1, max: 1000, default: 5 },
  ...clientParams({ clients: 2, load: 'constant', clientIntervalMs: 50 }),
  ...BACKEND_PARAMS,
];
