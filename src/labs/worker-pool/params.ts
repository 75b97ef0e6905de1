/** The worker pool lab's parameters; the defaults are the seed's example (10 workers, a queue of 100). */
import type { ParamSpec } from '../../sim/params';
import { clientParams } from '../traffic/params';

export const WORKER_POOL_PARAMS: readonly ParamSpec[] = [
  { name: 'workers', label: 'Workers', kind: 'int', min: 1, max: 64, default: 10 },
  { name: 'queueSize', label: 'Queue size', kind: 'int', min: 1, max: 10_000, default: 100 },
  { name: 'taskMsMax', label: 'Task time (uniform below)', kind: 'number', min: 1, max: 60_000, default: 100, unit: 'ms' },
  { name: 'taskFailRate', label: 'Task failure rate', kind: 'number', min: 0, max: 1, default: 0.05 },
  { name: 'taskPanicRate', label: 'Task panic rate', kind: 'number', min: 0, max: 1, default: 0.02 },
  ...clientParams({ clients: 1, load: 'poisson', clientIntervalMs: 10 }),
];
