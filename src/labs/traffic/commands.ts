/**
 * Buttons the page offers on a node of a traffic lab: client commands on clients, backend
 * switches on the backend, and the backend's error rate and latency, set live to a number given
 * next to their button (the parameters of the same name only set where a run starts). A command
 * sent to another node anyway (from a trace or the CLI) is answered with a `fail` naming the
 * node's own commands.
 */
import type { NodeCommand } from '../contract/commands';

export const CLIENT_COMMANDS: readonly NodeCommand[] = [
  { id: 'burst', label: 'Client: burst of 50', cmd: { op: 'burst', count: 50 }, forKinds: ['client'] },
  { id: 'request', label: 'Client: one request', cmd: { op: 'request' }, forKinds: ['client'] },
];

export const BACKEND_COMMANDS: readonly NodeCommand[] = [
  { id: 'outage-on', label: 'Backend: outage on', cmd: { op: 'outage', on: true }, forKinds: ['backend'] },
  { id: 'outage-off', label: 'Backend: outage off', cmd: { op: 'outage', on: false }, forKinds: ['backend'] },
  { id: 'slow-on', label: 'Backend: slow on', cmd: { op: 'slow', on: true }, forKinds: ['backend'] },
  { id: 'slow-off', label: 'Backend: slow off', cmd: { op: 'slow', on: false }, forKinds: ['backend'] },
  {
    id: 'error-rate',
    label: 'Backend: set error rate',
    cmd: { op: 'errorRate' },
    arg: { name: 'percent', label: 'Error rate', unit: '%', min: 0, max: 100, step: 5, default: 50 },
    forKinds: ['backend'],
  },
  {
    id: 'latency',
    label: 'Backend: set latency',
    cmd: { op: 'latency' },
    arg: { name: 'ms', label: 'Latency', unit: 'ms', min: 0, max: 60_000, step: 10, default: 20 },
    forKinds: ['backend'],
  },
];
