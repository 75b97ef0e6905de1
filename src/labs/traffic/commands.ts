/**
 * Buttons the page offers on a node of a traffic lab. The page shows a lab's commands on every
 * node; each says which node it is for, and any other node answers `fail` naming its own.
 */
import type { NodeCommand } from '../../sim/lab';

export const CLIENT_COMMANDS: readonly NodeCommand[] = [
  { id: 'burst', label: 'Client: burst of 50', cmd: { op: 'burst', count: 50 } },
  { id: 'request', label: 'Client: one request', cmd: { op: 'request' } },
];

export const BACKEND_COMMANDS: readonly NodeCommand[] = [
  { id: 'outage-on', label: 'Backend: outage on', cmd: { op: 'outage', on: true } },
  { id: 'outage-off', label: 'Backend: outage off', cmd: { op: 'outage', on: false } },
  { id: 'slow-on', label: 'Backend: slow on', cmd: { op: 'slow', on: true } },
  { id: 'slow-off', label: 'Backend: slow off', cmd: { op: 'slow', on: false } },
  { id: 'errors-half', label: 'Backend: error rate 50%', cmd: { op: 'errorRate', value: 0.5 } },
  { id: 'errors-none', label: 'Backend: error rate 0%', cmd: { op: 'errorRate', value: 0 } },
];
