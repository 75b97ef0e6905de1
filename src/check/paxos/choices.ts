/**
 * The rule for "chosen", shared by the agreement checker and the Paxos state view: a value is
 * chosen in a slot when a learner says so, or when a majority of acceptors have accepted it in
 * the same ballot (whether or not anyone learned it yet). A slot with two different choices is a
 * broken run.
 */
import type { Json } from '../../sim/json';
import { compareBallots } from '../../protocols/paxos/ballot';
import type { PaxosValue } from './facts';

/** A learner that learned a value, or an acceptor that accepted one. */
export type Sighting = { readonly kind: 'chosen' | 'accepted'; readonly node: string; readonly slot: number; readonly ballot: string; readonly value: PaxosValue };

export type Choice = { readonly value: PaxosValue; readonly ballot: string; readonly how: string };
type Tally = { readonly value: PaxosValue; readonly acceptors: string[] };

/**
 * Updated in place: both maps grow with the log, and copying them on every accept would make a
 * long Multi-Paxos run quadratic. The kernel checkpoints checker state by cloning it, so a seek
 * never sees these changes.
 */
export type ChoiceState = {
  /** By slot: the first value known chosen there. */
  readonly chosen: Record<string, Choice>;
  /** By slot, then ballot: who accepted it, for values other than the one known chosen. */
  readonly tallies: Record<string, Record<string, Tally>>;
  [key: string]: Json;
};

/** A bound on the ballots tallied per slot; the lowest are dropped first. */
const MAX_TALLIES_PER_SLOT = 256;

export function emptyChoices(): ChoiceState {
  return { chosen: {}, tallies: {} };
}

/** More than half of `acceptors`. */
export function majorityOf(acceptors: number): number {
  return Math.floor(acceptors / 2) + 1;
}

/** Records a choice; returns the earlier, different choice it clashes with, if any. */
function record(state: ChoiceState, slot: number, choice: Choice): Choice | null {
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
function tally(state: ChoiceState, s: Sighting, majority: number): Choice | null {
  if (state.chosen[s.slot]?.value === s.value) return null;
  const bySlot = (state.tallies[s.slot] ??= {});
  const entry = (bySlot[s.ballot] ??= { value: s.value, acceptors: [] });
  if (entry.acceptors.includes(s.node)) return null;
  entry.acceptors.push(s.node);
  if (entry.acceptors.length < majority) {
    bound(bySlot);
    return null;
  }
  delete bySlot[s.ballot];
  return { value: s.value, ballot: s.ballot, how: `accepted by a majority (${entry.acceptors.join(', ')}) in ${s.ballot}` };
}

/**
 * Applies one sighting: the choice it makes, if any, and the earlier different choice of the
 * same slot it clashes with, if any.
 */
export function sight(state: ChoiceState, s: Sighting, majority: number): { readonly choice: Choice | null; readonly clash: Choice | null } {
  const choice = s.kind === 'chosen' ? { value: s.value, ballot: s.ballot, how: `learned by ${s.node} (chosen in ${s.ballot})` } : tally(state, s, majority);
  return { choice, clash: choice === null ? null : record(state, s.slot, choice) };
}

/**
 * Every distinct value chosen per slot by the rule, from sightings taken all at once (the nodes'
 * current states): one value per slot in a sound run, two or more when it broke.
 */
export function choicesOf(sightings: readonly Sighting[], acceptors: number): ReadonlyMap<number, readonly Choice[]> {
  const state = emptyChoices();
  const out = new Map<number, Choice[]>();
  for (const s of sightings) {
    const { choice } = sight(state, s, majorityOf(acceptors));
    const list = out.get(s.slot) ?? [];
    if (choice !== null && !list.some((c) => c.value === choice.value)) out.set(s.slot, [...list, choice]);
  }
  return out;
}
