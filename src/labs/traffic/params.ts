/** Parameters every traffic-control lab shares: its clients' load and the backend behind the gate. */
import { LOAD_SHAPES } from '../../protocols/traffic';
import type { ParamSpec } from '../../sim/params';

export function clientParams(defaults: { clients?: number; load?: string; clientIntervalMs?: number } = {}): ParamSpec[] {
  return [
    { name: 'clients', label: 'Clients', kind: 'int', min: 1, max: 6, default: defaults.clients ?? 2 },
    { name: 'load', label: 'Load shape', kind: 'enum', options: LOAD_SHAPES, default: defaults.load ?? 'constant' },
    { name: 'clientIntervalMs', label: 'Gap between requests (mean; bursts: between bursts)', kind: 'number', min: 1, max: 60_000, default: defaults.clientIntervalMs ?? 100, unit: 'ms' },
    { name: 'burstSize', label: 'Requests per burst', kind: 'int', min: 1, max: 1000, default: 20 },
    { name: 'rampPeakRps', label: 'Ramp peak rate', kind: 'number', min: 0.1, max: 1000, default: 50, unit: 'req/s' },
    { name: 'rampMs', label: 'Ramp duration', kind: 'number', min: 0, max: 600_000, default: 10_000, unit: 'ms' },
    { name: 'loadStartMs', label: 'Load starts at', kind: 'number', min: 0, max: 600_000, default: 0, unit: 'ms' },
    { name: 'requestTimeoutMs', label: 'Client timeout', kind: 'number', min: 10, max: 600_000, default: 10_000, unit: 'ms' },
    { name: 'keys', label: 'Distinct keys (0: one for all, as the seed)', kind: 'int', min: 0, max: 100_000, default: 0 },
  ];
}

export const BACKEND_PARAMS: readonly ParamSpec[] = [
  { name: 'backendLatencyMs', label: 'Backend latency', kind: 'number', min: 0, max: 60_000, default: 20, unit: 'ms' },
  { name: 'backendErrorRate', label: 'Backend error rate', kind: 'number', min: 0, max: 1, default: 0 },
  { name: 'backendSlowMs', label: 'Backend latency when slow', kind: 'number', min: 0, max: 60_000, default: 3000, unit: 'ms' },
  { name: 'callTimeoutMs', label: 'Call timeout at the gate', kind: 'number', min: 1, max: 600_000, default: 5000, unit: 'ms' },
];
