/**
 * The acceptor, shared by single-decree Paxos and Multi-Paxos (Paxos Made Simple, 2.2). It writes
 * its promise and what it accepts to durable storage before it replies (the `persist` effects come
 * before the reply in the step's effects), so a restarted acceptor keeps both. A "forgetful"
 * acceptor (`acceptorPersistence` = forgetful) keeps them in memory only.
 */
import { assert } from '../assert';
import { compareBallots, maxBallot, type Ballot } from './ballot';
import { fact, persist, send, update, type AcceptedRecord, type Out, type PaxosPersisted } from './out';
import type { Accept, AcceptedEntry, AcceptorState, Prepare, Value } from './types';

const ACCEPTED_KEY = 'accepted.';

export const EMPTY_ACCEPTOR: AcceptorState = { promised: null, accepted: {} };

/** What a restarted acceptor reads back: its promise and its accepted proposals, by slot. */
export function restoreAcceptor(persisted: Partial<PaxosPersisted> | null): AcceptorState {
  if (persisted === null) return EMPTY_ACCEPTOR;
  const accepted: Record<string, AcceptedRecord> = {};
  for (const [key, record] of Object.entries(persisted)) {
    if (key.startsWith(ACCEPTED_KEY) && typeof record === 'object' && record !== null) accepted[key.slice(ACCEPTED_KEY.length)] = record;
  }
  return { promised: persisted.promised ?? null, accepted };
}

/** What the acceptor accepted from `fromSlot` on, in slot order. */
export function acceptedFrom(acc: AcceptorState, fromSlot: number): AcceptedEntry[] {
  return Object.entries(acc.accepted)
    .map(([slot, a]) => ({ slot: Number(slot), ballot: a.ballot, value: a.value }))
    .filter((e) => e.slot >= fromSlot)
    .sort((a, b) => a.slot - b.slot);
}

type WithAcceptor = { readonly acceptor: AcceptorState };

export type Answer = { readonly ok: true; readonly accepted: readonly AcceptedEntry[] } | { readonly ok: false; readonly promised: Ballot | null };

/** Phase 1b: promise `ballot` unless a higher one was promised; a repeated prepare gets the same answer. */
export function promise<S extends WithAcceptor>(o: Out<S>, ballot: Ballot, fromSlot: number): Answer {
  const acc = o.s.acceptor;
  const order = compareBallots(ballot, acc.promised);
  if (order < 0) return { ok: false, promised: acc.promised };
  if (order > 0) {
    if (o.rules.durableAcceptor) persist(o, 'promised', ballot);
    update<WithAcceptor>(o, { acceptor: { ...acc, promised: ballot } });
    fact(o, { kind: 'promised', ballot });
  }
  return { ok: true, accepted: acceptedFrom(o.s.acceptor, fromSlot) };
}

/** Phase 2b: accept unless a higher ballot was promised; accepting also promises its ballot. */
export function accept<S extends WithAcceptor>(o: Out<S>, ballot: Ballot, slot: number, value: Value): Answer {
  const acc = o.s.acceptor;
  if (compareBallots(ballot, acc.promised) < 0) return { ok: false, promised: acc.promised };
  if (acc.accepted[slot]?.ballot === ballot) return { ok: true, accepted: [] };
  // What it accepted is never above its promise (restored together after a restart, or lost together), so this holds.
  assert(compareBallots(ballot, acc.accepted[slot]?.ballot ?? null) > 0, 'paxos: an acceptor never accepts a ballot below one it accepted in that slot');
  const promised = maxBallot(acc.promised, ballot);
  if (o.rules.durableAcceptor) {
    if (promised !== acc.promised) persist(o, 'promised', promised);
    persist(o, `${ACCEPTED_KEY}${slot}`, { ballot, value });
  }
  update<WithAcceptor>(o, { acceptor: { promised, accepted: { ...acc.accepted, [slot]: { ballot, value } } } });
  fact(o, { kind: 'accepted', slot, ballot, value });
  return { ok: true, accepted: [] };
}

function refuse(o: Out<unknown>, to: string, ballot: Ballot, slot: number, promised: Ballot | null): void {
  send(o, to, o.rules.nackWithPromised && promised !== null ? { type: 'Nack', ballot, slot, promised } : { type: 'Nack', ballot, slot });
}

/** A Prepare from another node: persist, then reply with a Promise or a Nack. */
export function onPrepare<S extends WithAcceptor>(o: Out<S>, from: string, m: Prepare): Answer {
  const answer = promise(o, m.ballot, m.slot);
  if (answer.ok) send(o, from, { type: 'Promise', ballot: m.ballot, accepted: answer.accepted });
  else refuse(o, from, m.ballot, m.slot, answer.promised);
  return answer;
}

/** An Accept from another node: persist, then reply with Accepted or a Nack. */
export function onAccept<S extends WithAcceptor>(o: Out<S>, from: string, m: Accept): Answer {
  const answer = accept(o, m.ballot, m.slot, m.value);
  if (answer.ok) send(o, from, { type: 'Accepted', ballot: m.ballot, slot: m.slot });
  else refuse(o, from, m.ballot, m.slot, answer.promised);
  return answer;
}
