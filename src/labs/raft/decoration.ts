/**
 * Raft's node decoration in the cluster view (pure): the election timer as the fraction of a
 * full timeout still to run, and a candidate's votes granted against the majority.
 */
import { DEFAULT_TIMING } from '../../protocols/raft';
import type { RaftState } from '../../protocols/raft/types';
import type { NodeFrame } from '../../runtime/frame';
import type { Frame } from '../../runtime/frame';
import type { Params } from '../../sim/params';
import type { NodeDecoration } from '../contract/decoration';
import { stateOf } from '../contract/nodeState';
import { majority } from '../pictures/logGrid';

/** A started Raft node's state (before its start input it has none). */
export function raftStateOf(node: NodeFrame): RaftState | null {
  const s = stateOf<RaftState>(node, 'raft');
  return s !== null && typeof s.term === 'number' && Array.isArray(s.log) ? s : null;
}

/** Votes a candidate holds in its current term: hardened counts voters, the article its tally. */
export function votesGranted(s: RaftState): number {
  const hardened = Object.values(s.votes).filter(Boolean).length;
  const article = s.counts.filter((c) => c.term === s.term).reduce((most, c) => Math.max(most, c.granted), 0);
  return Math.max(hardened, article);
}

/**
 * `fullMs` is the longest election timeout the run may draw; the frame does not say when a timer
 * was set, so the arc is the time left over that longest timeout (full right after a reset).
 */
export function raftDecoration(node: NodeFrame, now: number, clusterSize: number, fullMs: number): NodeDecoration | null {
  if (node.status === 'down') return null;
  const s = raftStateOf(node);
  if (s === null) return null;
  const timer = s.role === 'leader' ? undefined : node.timers.find((t) => t.name === 'election');
  const left = timer === undefined ? null : Math.max(0, timer.at - now);
  const arc = left === null || fullMs <= 0 ? null : Math.min(1, left / fullMs);
  const votes = s.role === 'candidate' ? `votes ${votesGranted(s)}/${majority(clusterSize)}` : null;
  const timerText = left === null ? null : `election timer ${Math.round(left)} ms left`;
  return { arc, line: votes, description: [votes, timerText].filter((x) => x !== null).join(', ') };
}

/** The lab's decorator: timers against the run's longest election timeout (its default before the run is known). */
export function decorateRaftNode(node: NodeFrame, frame: Frame, params: Params | null): NodeDecoration | null {
  const given = params?.['electionTimeoutMsMax'];
  return raftDecoration(node, frame.now, frame.nodes.length, typeof given === 'number' ? given : DEFAULT_TIMING.electionTimeoutMsMax);
}
