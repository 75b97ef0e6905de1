/** How a Multi-Paxos node looks in the shared views: leader, candidate, follower or plain acceptor. */
import type { NodeView } from '../../sim/checker';
import type { NodeLook } from '../contract/look';
import type { MultiState } from '../../protocols/paxos/multi/types';

export const MULTI_PAXOS_ROLES = ['leader', 'candidate', 'follower', 'acceptor', 'paused', 'down'] as const;

function isMultiState(state: unknown): state is MultiState {
  return typeof state === 'object' && state !== null && 'acceptor' in state && 'log' in state;
}

export function multiPaxosLook(node: NodeView): NodeLook {
  if (node.status !== 'up') return { role: node.status, detail: '' };
  const s = node.state;
  // Before its first step a node has no state yet; its kind still says what it is.
  if (!isMultiState(s)) return { role: node.kind === 'proposer' ? 'follower' : 'acceptor', detail: '' };
  const applied = `${s.log.applied} applied`;
  const l = s.lead;
  if (l?.role === 'leader') return { role: 'leader', detail: `${l.ballot ?? ''} · ${applied} · ${Object.keys(l.inflight).length} in flight` };
  if (l?.role === 'candidate') return { role: 'candidate', detail: `prepare ${l.ballot ?? ''} · ${l.promises.length} promised` };
  const promised = s.acceptor.promised === null ? 'no promise' : `promised ${s.acceptor.promised}`;
  return { role: l === null ? 'acceptor' : 'follower', detail: `${promised} · ${applied}` };
}
