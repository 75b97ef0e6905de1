/** Small helpers for the leading part of a Multi-Paxos node. */
import { roundOf, type Ballot } from '../ballot';
import { timing } from '../config';
import { cancelTimer, fact, setTimer, update, type Out } from '../out';
import { MTIMER, type LeadState, type MultiState } from './types';

export function lead(o: Out<MultiState>): LeadState {
  const l = o.s.lead;
  if (l === null) throw new Error(`${o.ctx.id} never leads`);
  return l;
}

export function setLead(o: Out<MultiState>, change: Partial<LeadState>): void {
  update(o, { lead: { ...lead(o), ...change } });
}

export function isLeader(o: Out<MultiState>): boolean {
  return o.s.lead?.role === 'leader';
}

/** A follower's wait for a heartbeat, in [leaderTimeoutMs, 2 × leaderTimeoutMs): random, so rivals rarely campaign together. */
export function resetElectionTimer(o: Out<MultiState>): void {
  const timeoutMs = timing(o.ctx, 'leaderTimeoutMs');
  setTimer(o, MTIMER.election, timeoutMs * (1 + o.ctx.random()));
}

/**
 * A higher ballot is about (a refusal, a rival's prepare our acceptor promised, a newer
 * leader's heartbeat): stop leading or campaigning and wait a random election timeout before
 * trying again. Commands still in flight stay unanswered: a majority may have accepted them, and
 * then the next leader finds them and gets them chosen.
 */
export function stepDown(o: Out<MultiState>, promised: Ballot | null): void {
  const l = lead(o);
  const seen = promised === null ? l.seen : Math.max(l.seen, roundOf(promised));
  const wasLeading = l.role !== 'follower';
  setLead(o, { role: 'follower', seen, promises: [], recovered: {}, inflight: {} });
  if (o.s.leader === o.ctx.id) update(o, { leader: null, leaderBallot: null });
  cancelTimer(o, MTIMER.phase);
  cancelTimer(o, MTIMER.heartbeat);
  resetElectionTimer(o);
  if (wasLeading) fact(o, { kind: 'role', role: 'follower', ballot: l.ballot });
}
