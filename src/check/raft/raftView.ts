/** Reading Raft node states and facts in checkers. */
import type { CheckView } from '../../sim/checker';
import type { NodeId } from '../../sim/node';
import type { TraceEvent } from '../../sim/trace';
import type { RaftState } from '../../protocols/raft';
import { liveState, nodeOfEvent } from '../nodeEvents';

/** The node an event shows and its Raft state, or null when there is none to look at. */
export function observedNode(event: TraceEvent, view: CheckView): { id: NodeId; state: RaftState } | null {
  const id = nodeOfEvent(event);
  if (id === null) return null;
  const state = liveState(view, id) as RaftState | undefined;
  return state === undefined || state === null ? null : { id, state };
}

export function raftState(view: CheckView, id: NodeId): RaftState | null {
  return (liveState(view, id) as RaftState | undefined) ?? null;
}

export function num(value: unknown): number {
  return typeof value === 'number' ? value : NaN;
}
