/** How a Raft node reads in the shared views: role colour and "term 3" (plus what it waits for). */
import type { NodeView } from '../../sim/checker';
import type { NodeLook } from '../contract/look';
import type { RaftState } from '../../protocols/raft';

export const RAFT_ROLES = ['leader', 'candidate', 'follower', 'down', 'paused'] as const;

function isRaftState(state: unknown): state is RaftState {
  return typeof state === 'object' && state !== null && typeof (state as { term?: unknown }).term === 'number';
}

export function raftLook(node: NodeView): NodeLook {
  if (node.status === 'down') return { role: 'down', detail: '' };
  const s = node.state;
  if (!isRaftState(s)) return { role: node.status === 'paused' ? 'paused' : 'follower', detail: '' };
  const detail = s.preVote !== null ? `term ${s.term}, pre-vote` : `term ${s.term}`;
  // A paused node keeps its Raft role in the label, so "n1, paused, leader, term 3" says both.
  if (node.status === 'paused') return { role: 'paused', detail: `${s.role}, ${detail}` };
  return { role: s.role, detail };
}
