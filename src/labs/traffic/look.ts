/** How clients and the backend look in every traffic lab; each lab adds its gate's look. */
import type { BackendState, ClientState } from '../../protocols/traffic';
import type { NodeView } from '../../sim/checker';
import type { NodeLook } from '../contract/look';
import { stateOf } from '../contract/nodeState';

export const CLIENT_ROLES = ['client'] as const;
export const BACKEND_ROLES = ['healthy', 'failing', 'slow', 'outage'] as const;

function clientLook(s: ClientState): NodeLook {
  return { role: 'client', detail: `${s.sent} sent · ${Object.keys(s.pending).length} waiting` };
}

function backendLook(s: BackendState): NodeLook {
  const detail = `${s.served} ok · ${s.failed} failed`;
  if (s.outage) return { role: 'outage', detail };
  if (s.slow) return { role: 'slow', detail };
  return { role: s.errorRate > 0 ? 'failing' : 'healthy', detail: s.errorRate > 0 ? `${Math.round(s.errorRate * 100)}% errors · ${detail}` : detail };
}

/** The look of a client or the backend, or null for a gate (the lab's own look decides). */
export function sharedLook(node: NodeView): NodeLook | null {
  if (node.status !== 'up') return { role: node.status, detail: '' };
  const client = stateOf<ClientState>(node, 'client');
  if (client !== null) return clientLook(client);
  const backend = stateOf<BackendState>(node, 'backend');
  if (backend !== null) return backendLook(backend);
  return null;
}

/** A lab's look: clients and the backend as every traffic lab shows them, the lab's gates (of `gateKinds`) by `gateLook`. */
export function lookWith<S>(gateKinds: readonly string[], gateLook: (s: S) => NodeLook, idle: NodeLook) {
  return (node: NodeView): NodeLook => {
    const shared = sharedLook(node);
    if (shared !== null) return shared;
    const gate = stateOf<S>(node, gateKinds);
    return gate === null ? idle : gateLook(gate);
  };
}
