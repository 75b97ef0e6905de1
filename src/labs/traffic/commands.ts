/**
 * Buttons the page offers on a node of a traffic lab: client commands on clients, backend
 * switches on the backend. A command sent to another node anyway (from a trace or the CLI) is
 * answered with a `fail` naming the node's own commands.
 */
import type { NodeCommand } from '../../sim/lab';

export const CLIENT_COMMANDS: readonly NodeCommand[] = [
  { id: 'burst', label: 'Client: burst of 50', cmd: { op: 'burst', count: 50 }, forKinds: ['client'] },
  { id: 'request', label: 'Client: one request', cmd: { op: 'request' }, forKinds: ['client'] },
];

export const BACKEND_COMMANDS: readonly NodeCommand[] = [
  { id: 'outage-on', label: 'Backend: outage on', cmd: { op: 'outage', on: true }, forKinds: ['backend'] },
  { id: 'outage-off', label: 'Backend: outage off', cmd: { op: 'outage', on: false }, forKinds: ['backend'] },
  { id: 'slow-on', label: 'Backend: slow on', cmd: { op: 'slow', on: true }, forKinds: ['backend'] },
  { id: 'slow-off', label: 'Backend: slow off', cmd: { op: 'slow', on: false }, forKinds: ['backend'] },
  { id: 'errors-half', label: 'Backend: error rate 50%', cmd: { op: 'errorRate', value: 0.5 }, forKinds: ['backend'] },
  { id: 'errors-none', label: 'Backend: error rate 0%', cmd: { op: 'errorRate', value: 0 }, forKinds: ['backend'] },
];
