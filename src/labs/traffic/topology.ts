/** Traffic labs' topology: clients c1..cN, then the gate node(s), then the backend if there is one. */
import type { NetworkPreset } from '../contract/network';
import type { NodeSpec } from '../../sim/node';
import type { Params } from '../../sim/params';

export function trafficTopology(gates: readonly NodeSpec[], withBackend: boolean) {
  return (params: Params): NodeSpec[] => {
    const clients = Array.from({ length: Number(params['clients']) }, (_, i) => ({ id: `c${i + 1}`, kind: 'client' }));
    return [...clients, ...gates, ...(withBackend ? [{ id: 'backend', kind: 'backend' }] : [])];
  };
}

/** Clients, a gate and a backend are no voting group: no majority to split off, no bridge between halves. */
export const TRAFFIC_NETWORK_PRESETS: readonly NetworkPreset[] = [];
