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

export type AgreementState = {
  readonly chosen: Readonly<Record<string, Choice>>;
  /** By slot, then ballot: who accepted it, for values other than the one known chosen. */
  readonly tallies: Readonly<Record<string, Readonly<Record<string, Tally>>>>;
  [key: string]: Json;
};

/** A bound on the ballots tallied per slot; the lowest are dropped first. */
const MAX_TALLIES_PER_SLOT = 256;

function record(state: AgreementState, slot: number, choice: Choice): { state: AgreementState; clash: Choice | null } {
  const known = state.chosen[slot];
  if (known === undefined) return { state: { ...state, chosen: { ...state.chosen, [slot]: choice } }, clash: null };
  return { state, clash: known.value === choice.value ? null : known };
}

function bounded(tallies: Readonly<Record<string, Tally>>): Readonly<Record<string, Tally>> {
  const ballots = Object.keys(tallies);
  if (ballots.length <= MAX_TALLIES_PER_SLOT) return tallies;
  const lowest = ballots.sort(compareBallots)[0] as string;
  const { [lowest]: _dropped, ...rest } = tallies;
  return rest;
}

/** Counts an acceptor's accept; returns the choice it completes, if it completes a majority. */
function tally(state: AgreementState, slot: number, ballot: string, value: PaxosValue, acceptor: string, majority: number): { state: AgreementState; choice: Choice | null } {
  if (state.chosen[slot]?.value === value) return { state, choice: null };
  const bySlot = state.tallies[slot] ?? {};
  const before = bySlot[ballot] ?? { value, acceptors: [] };
  if (before.acceptors.includes(acceptor)) return { state, choice: null };
  const acceptors = [...before.acceptors, acceptor];
  if (acceptors.length >= majority) {
    const { [ballot]: _done, ...rest } = bySlot;
    const choice = { value, ballot, how: `accepted by a majority (${acceptors.join(', ')}) in ${ballot}` };
    return { state: { ...state, tallies: { ...state.tallies, [slot]: rest } }, choice };
  }
  return { state: { ...state, tallies: { ...state.tallies, [slot]: bounded({ ...bySlot, [ballot]: { value, acceptors } }) } }, choice: null };
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
      let next = state;
      let choice: Choice | null = { value, ballot, how: `learned by ${seen.node} (chosen in ${ballot})` };
      if (accepted !== null) ({ state: next, choice } = tally(state, slot, ballot, value, seen.node, majority));
      if (choice === null) return { state: next };
      const { state: after, clash } = record(next, slot, choice);
      if (clash === null) return { state: after };
      return {
        state: after,
        violation: { nodes: [seen.node], detail: `slot ${slot}: ${show(choice.value)} ${choice.how}, but ${show(clash.value)} was ${clash.how}` },
      };
    },
  };
}
