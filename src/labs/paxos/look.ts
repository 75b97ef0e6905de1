/** How a single-decree Paxos node looks in the shared views: its role now and a short detail line. */
import type { NodeView } from '../../sim/checker';
import type { NodeLook } from '../../sim/lab';
import type { PaxosState, ProposerState } from '../../protocols/paxos/types';
import { showValue } from '../../protocols/paxos/values';

export const PAXOS_ROLES = ['proposer', 'acceptor', 'learned', 'paused', 'down'] as const;

function proposerDetail(p: ProposerState): string {
  const ballot = p.ballot ?? '';
  switch (p.phase) {
    case 'prepare':
      return `prepare ${ballot} · ${p.promises.length} promised`;
    case 'accept':
      return `accept ${ballot}=${showValue(p.proposal)} · ${p.accepts.length} accepted`;
    default:
      return `backoff after ${ballot}`;
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
  if (!isPaxosState(s)) return { role: 'acceptor', detail: '' };
  const p = s.proposer;
  if (p !== null && (p.phase === 'prepare' || p.phase === 'accept' || p.phase === 'backoff')) return { role: 'proposer', detail: proposerDetail(p) };
  if (s.learner.chosen !== null) return { role: 'learned', detail: `chosen ${showValue(s.learner.chosen.value)} · ${acceptorDetail(s)}` };
  return { role: 'acceptor', detail: acceptorDetail(s) };
}
