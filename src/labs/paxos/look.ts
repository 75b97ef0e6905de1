/**
 * How a single-decree Paxos node looks in the shared views: its role and a short detail line. A
 * node that may propose always shows as a proposer, idle or not, so it never passes for a plain
 * acceptor; its detail says its phase, or what it learned. Other nodes are acceptors until they
 * learn the value.
 */
import type { NodeView } from '../../sim/checker';
import type { NodeLook } from '../contract/look';
import type { PaxosState, ProposerState } from '../../protocols/paxos/types';
import { showValue } from '../../protocols/paxos/values';

export const PAXOS_ROLES = ['proposer', 'acceptor', 'learned', 'paused', 'down'] as const;

function proposerDetail(p: ProposerState, s: PaxosState): string {
  const ballot = p.ballot ?? '';
  switch (p.phase) {
    case 'prepare':
      return `prepare ${ballot} · ${p.promises.length} promised`;
    case 'accept':
      return `accept ${ballot}=${showValue(p.proposal)} · ${p.accepts.length} accepted`;
    case 'backoff':
      return `backoff after ${ballot}`;
    default:
      return `${s.learner.chosen === null ? 'idle' : `chosen ${showValue(s.learner.chosen.value)}`} · ${acceptorDetail(s)}`;
  }
}

function acceptorDetail(s: PaxosState): string {
  const accepted = s.acceptor.accepted[0];
  const parts = [s.acceptor.promised === null ? 'no promise' : `promised ${s.acceptor.promised}`];
  if (accepted !== undefined) parts.push(`accepted ${accepted.ballot}=${showValue(accepted.value)}`);
  return parts.join(' · ');
}

function isPaxosState(state: unknown): state is PaxosState {
  return typeof state === 'object' && state !== null && 'acceptor' in state && 'learner' in state;
}

export function paxosLook(node: NodeView): NodeLook {
  if (node.status !== 'up') return { role: node.status, detail: '' };
  const s = node.state;
  // Before its first step a node has no state yet; its kind still says what it is.
  if (!isPaxosState(s)) return { role: node.kind === 'proposer' ? 'proposer' : 'acceptor', detail: '' };
  if (s.proposer !== null) return { role: 'proposer', detail: proposerDetail(s.proposer, s) };
  if (s.learner.chosen !== null) return { role: 'learned', detail: `chosen ${showValue(s.learner.chosen.value)} · ${acceptorDetail(s)}` };
  return { role: 'acceptor', detail: acceptorDetail(s) };
}
