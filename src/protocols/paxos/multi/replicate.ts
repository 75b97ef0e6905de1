/**
 * The leader's phase 2: one Accept per command, straight away (phase 1 was done once, for every
 * slot, when it became leader). A majority of Accepted means chosen; the leader learns it and
 * tells every learner. Heartbeats keep followers from campaigning and carry how far the
 * leader's log is chosen, so a learner that missed Learns asks to catch up.
 */
import { accept } from '../acceptor';
import type { Ballot } from '../ballot';
import { quorum } from '../config';
import { broadcast, result, send, type Out } from '../out';
import type { Value } from '../types';
import { lead, setLead, stepDown } from './lead';
import { learnSlot } from './log';
import type { MultiState } from './types';

/** At most this many unchosen slots get their Accepts sent again per heartbeat. */
const RESEND_PER_TICK = 16;

export function proposeAt(o: Out<MultiState>, slot: number, value: Value, opId: string | null): void {
  const l = lead(o);
  const ballot = l.ballot as Ballot;
  const answer = accept(o, ballot, slot, value);
  if (!answer.ok) {
    if (opId !== null) result(o, opId, false, 'lost leadership before the command was sent');
    return stepDown(o, answer.promised);
  }
  setLead(o, { inflight: { ...l.inflight, [slot]: { value, acks: [o.ctx.id], opId } }, nextSlot: Math.max(l.nextSlot, slot + 1) });
  broadcast(o, { type: 'Accept', ballot, slot, value });
}

function commit(o: Out<MultiState>, slot: number): void {
  const l = lead(o);
  const entry = l.inflight[slot];
  if (entry === undefined) return;
  const { [slot]: _done, ...inflight } = l.inflight;
  setLead(o, { inflight });
  learnSlot(o, slot, entry.value, l.ballot as Ballot);
  broadcast(o, { type: 'Learn', slot, value: entry.value, ballot: l.ballot as Ballot });
  if (entry.opId !== null) result(o, entry.opId, true, { slot });
}

export function onLeaderAccepted(o: Out<MultiState>, from: string, ballot: Ballot, slot: number): void {
  const l = lead(o);
  const entry = l.inflight[slot];
  if (l.role !== 'leader' || ballot !== l.ballot || entry === undefined || entry.acks.includes(from)) return;
  const acks = [...entry.acks, from];
  setLead(o, { inflight: { ...l.inflight, [slot]: { ...entry, acks } } });
  if (acks.length >= quorum(o.ctx)) commit(o, slot);
}

/** Another node says a slot is chosen: a command of ours in flight there is settled by it. */
export function settleFromLearn(o: Out<MultiState>, slot: number, value: Value): void {
  const l = o.s.lead;
  const entry = l?.inflight[slot];
  if (l === null || l === undefined || entry === undefined) return;
  const { [slot]: _settled, ...inflight } = l.inflight;
  setLead(o, { inflight });
  if (entry.opId !== null) result(o, entry.opId, entry.value === value, entry.value === value ? { slot } : 'another value was chosen in its slot');
}

export function sendHeartbeats(o: Out<MultiState>): void {
  broadcast(o, { type: 'Heartbeat', ballot: lead(o).ballot as Ballot, chosenThrough: o.s.log.applied });
}

/** Accepts again, to the acceptors that have not answered, for the oldest slots not yet chosen. */
export function resendAccepts(o: Out<MultiState>): void {
  const l = lead(o);
  const slots = Object.keys(l.inflight).map(Number).sort((a, b) => a - b).slice(0, RESEND_PER_TICK);
  for (const slot of slots) {
    const entry = l.inflight[slot];
    if (entry === undefined) continue;
    for (const peer of o.ctx.peers) {
      if (!entry.acks.includes(peer)) send(o, peer, { type: 'Accept', ballot: l.ballot as Ballot, slot, value: entry.value });
    }
  }
}
