/** Reading Raft node states and facts in checkers. */
import type { CheckView } from '../../sim/checker';
import type { NodeId } from '../../sim/node';
import type { TraceEvent } from '../../sim/trace';
import type { RaftState } from '../../protocols/raft';
import { liveState, nodeOfEvent } from '../nodeEvents';

/**
 * The node an event shows and its Raft state, or null when there is none to look at. Checkers
 * see every event, so the answer is kept for the event it was asked about: the checkers of one
 * event share one lookup and one small object.
 */
let lastEvent: TraceEvent | null = null;
let lastAnswer: { readonly id: NodeId; readonly state: RaftState } | null = null;

export function observedNode(event: TraceEvent, view: CheckView): { readonly id: NodeId; readonly state: RaftState } | null {
  if (event === lastEvent) return lastAnswer;
  const id = nodeOfEvent(event);
  const state = id === null ? undefined : (liveState(view, id) as RaftState | undefined);
  lastEvent = event;
  lastAnswer = id === null || state === undefined || state === null ? null : { id, state };
  return lastAnswer;
}

export function raftState(view: CheckView, id: NodeId): RaftState | null {
  return (liveState(view, id) as RaftState | undefined) ?? null;
}

export function num(value: unknown): number {
  return typeof value === 'number' ? value : NaN;
}
