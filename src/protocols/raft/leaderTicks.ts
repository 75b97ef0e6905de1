/** The leader's timers: heartbeats (seed lines 151-169) and, hardened, CheckQuorum. */
import { electionTimeoutMinMs, heartbeatMs, quorum } from './config';
import { setTimer, update, type Out } from './out';
import { broadcastAppend } from './replicate';
import { becomeFollower } from './roles';
import { TIMER } from './types';

export function onHeartbeat(o: Out): void {
  if (o.s.role !== 'leader') return;
  broadcastAppend(o);
  setTimer(o, TIMER.heartbeat, heartbeatMs(o.ctx));
}

/**
 * Hardened: a leader that has not heard from a majority (itself included) within an election
 * timeout steps down, so a leader cut off in a minority stops taking commands it cannot commit.
 */
export function onCheckQuorum(o: Out): void {
  if (o.s.role !== 'leader') return;
  const heard = 1 + o.ctx.peers.filter((p) => o.s.active[p] === true).length;
  if (heard < quorum(o.ctx)) {
    becomeFollower(o, o.s.term, null);
    return;
  }
  update(o, { active: {} });
  setTimer(o, TIMER.checkQuorum, electionTimeoutMinMs(o.ctx));
}
