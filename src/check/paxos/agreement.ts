/**
 * `one-value-per-slot`: at most one value is chosen in each slot over the whole run. A value
 * counts as chosen when a learner reports it, or when a majority of acceptors have accepted it in
 * the same ballot (whether or not anyone learned it yet). The checker remembers across node
 * restarts, so an acceptor that forgets what it accepted cannot hide a second choice.
 */
import type { Checker } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { compareBallots } from '../../protocols/paxos/ballot';
import { ballotIn, factOf, show, slotIn, valueIn, type PaxosValue } from './facts';

type Choice = { readonly value: PaxosValue; readonly ballot: string; readonly how: string };
type Tally = { readonly value: PaxosValue; readonly acceptors: string[] };

/**
 * Updated in place: both maps grow with the log, and copying them on every accept would make a
 * long Multi-Paxos run quadratic. The kernel checkpoints checker state by cloning it, so a seek
 * never sees these changes.
 */
export type AgreementState = {
  readonly chosen: Record<string, Choice>;
  /** By slot, then ballot: who accepted it, for values other than the one known chosen. */
  readonly tallies: Record<string, Record<string, Tally>>;
  [key: string]: Json;
};

/** A bound on the ballots tallied per slot; the lowest are dropped first. */
const MAX_TALLIES_PER_SLOT = 256;

/** Records a choice; returns the earlier, different choice it clashes with, if any. */
function record(state: AgreementState, slot: number, choice: Choice): Choice | null {
  const known = state.chosen[slot];
  if (known === undefined) state.chosen[slot] = choice;
  return known === undefined || known.value === choice.value ? null : known;
}

/** Keeps at most MAX_TALLIES_PER_SLOT ballots for a slot, dropping the lowest. */
function bound(bySlot: Record<string, Tally>): void {
  const ballots = Object.keys(bySlot);
  if (ballots.length > MAX_TALLIES_PER_SLOT) delete bySlot[ballots.sort(compareBallots)[0] as string];
}

/** Counts an acceptor's accept; returns the choice it completes, if it completes a majority. */
function tally(state: AgreementState, slot: number, ballot: string, value: PaxosValue, acceptor: string, majority: number): Choice | null {
  if (state.chosen[slot]?.value === value) return null;
  const bySlot = (state.tallies[slot] ??= {});
  const entry = (bySlot[ballot] ??= { value, acceptors: [] });
  if (entry.acceptors.includes(acceptor)) return null;
  entry.acceptors.push(acceptor);
  if (entry.acceptors.length < majority) {
    bound(bySlot);
    return null;
  }
  delete bySlot[ballot];
  return { value, ballot, how: `accepted by a majority (${entry.acceptors.join(', ')}) in ${ballot}` };
}

export function agreementChecker(acceptors: number): Checker<AgreementState> {
  const majority = Math.floor(acceptors / 2) + 1;
  return {
    rule: 'one-value-per-slot',
    description: 'At most one value is ever chosen in each slot, counting what learners learn and what a majority of acceptors accepted, across restarts.',
    init: () => ({ chosen: {}, tallies: {} }),
    observe(state, event) {
      const learned = factOf(event, 'chosen');
      const accepted = learned === null ? factOf(event, 'accepted') : null;
      const seen = learned ?? accepted;
      if (seen === null) return { state };
      const slot = slotIn(seen.fact);
      const ballot = ballotIn(seen.fact) ?? '?';
      const value = valueIn(seen.fact);
      const choice = accepted === null ? { value, ballot, how: `learned by ${seen.node} (chosen in ${ballot})` } : tally(state, slot, ballot, value, seen.node, majority);
      const clash = choice === null ? null : record(state, slot, choice);
      if (choice === null || clash === null) return { state };
      return { state, violation: { nodes: [seen.node], detail: `slot ${slot}: ${show(choice.value)} ${choice.how}, but ${show(clash.value)} was ${clash.how}` } };
    },
  };
}
