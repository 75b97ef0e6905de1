/**
 * Proposal numbers ("ballots"): a round and the proposer's node id, written "3.n2". The id breaks
 * ties, so two proposers never use the same number, and a proposer that persists its round never
 * reuses one of its own. Ordered by round, then by id (shorter ids first, so n9 < n10).
 */
import type { NodeId } from '../../sim/node';

export type Ballot = string;

export function ballotOf(round: number, node: NodeId): Ballot {
  return `${round}.${node}`;
}

export function roundOf(b: Ballot): number {
  return Number(b.slice(0, b.indexOf('.')));
}

export function proposerOf(b: Ballot): NodeId {
  return b.slice(b.indexOf('.') + 1);
}

function compareIds(a: NodeId, b: NodeId): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative, zero or positive as `a` is below, equal to or above `b`; no ballot is below all. */
export function compareBallots(a: Ballot | null, b: Ballot | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return roundOf(a) - roundOf(b) || compareIds(proposerOf(a), proposerOf(b));
}

export function maxBallot(a: Ballot | null, b: Ballot | null): Ballot | null {
  return compareBallots(a, b) >= 0 ? a : b;
}
