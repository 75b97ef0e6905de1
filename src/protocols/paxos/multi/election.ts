/**
 * Becoming leader: phase 1 once for every slot from the first one this node does not know
 * chosen. A majority of promises makes it leader; it then re-proposes, in its own ballot, the
 * highest-numbered value reported for each slot (a no-op where none was), and from then on
 * skips phase 1 for every new command while it leads.
 */
import { promise } from '../acceptor';
import { ballotOf, compareBallots, type Ballot } from '../ballot';
import { quorum, timing } from '../config';
import { broadcast, cancelTimer, fact, persist, setTimer, update, type Out } from '../out';
import type { AcceptedEntry } from '../types';
import { lead, setLead, stepDown } from './lead';
import { lastChosen } from './log';
import { proposeAt, sendHeartbeats } from './replicate';
import { MTIMER, type LeadState, type MultiState } from './types';

function merge(recovered: LeadState['recovered'], entries: readonly AcceptedEntry[]): LeadState['recovered'] {
  let out = recovered;
  for (const e of entries) {
    const known = out[e.slot];
    if (known === undefined || compareBallots(e.ballot, known.ballot) > 0) out = { ...out, [e.slot]: { ballot: e.ballot, value: e.value } };
  }
  return out;
}

export function campaign(o: Out<MultiState>): void {
  const l = lead(o);
  const round = Math.max(l.round, l.seen) + 1;
  const ballot = ballotOf(round, o.ctx.id);
  const from = o.s.log.applied;
  persist(o, 'round', round);
  cancelTimer(o, MTIMER.election);
  setLead(o, { role: 'candidate', round, ballot, from, promises: [], recovered: {}, inflight: {} });
  fact(o, { kind: 'role', role: 'candidate', ballot });
  const answer = promise(o, ballot, from);
  if (!answer.ok) return stepDown(o, answer.promised);
  onCandidatePromise(o, o.ctx.id, answer.accepted);
  broadcast(o, { type: 'Prepare', ballot, slot: from });
  setTimer(o, MTIMER.phase, timing(o.ctx, 'phaseTimeoutMs'));
}

export function onCandidatePromise(o: Out<MultiState>, from: string, entries: readonly AcceptedEntry[]): void {
  const l = lead(o);
  if (l.role !== 'candidate' || l.promises.includes(from)) return;
  setLead(o, { promises: [...l.promises, from], recovered: merge(l.recovered, entries) });
  if (lead(o).promises.length >= quorum(o.ctx)) becomeLeader(o);
}

function becomeLeader(o: Out<MultiState>): void {
  const l = lead(o);
  const ballot = l.ballot as Ballot;
  cancelTimer(o, MTIMER.phase);
  let top = Math.max(l.from - 1, lastChosen(o));
  for (const slot of Object.keys(l.recovered)) top = Math.max(top, Number(slot));
  // The promises stay: they are the majority it leads with (the state table shows them).
  setLead(o, { role: 'leader', recovered: {}, inflight: {}, nextSlot: top + 1, submitted: 0 });
  update(o, { leader: o.ctx.id, leaderBallot: ballot });
  fact(o, { kind: 'role', role: 'leader', ballot });
  for (let slot = l.from; slot <= top && lead(o).role === 'leader'; slot++) {
    if (o.s.log.chosen[slot] !== undefined) continue;
    proposeAt(o, slot, l.recovered[slot]?.value ?? null, null);
  }
  if (lead(o).role !== 'leader') return;
  sendHeartbeats(o);
  setTimer(o, MTIMER.heartbeat, timing(o.ctx, 'heartbeatMs'));
}
