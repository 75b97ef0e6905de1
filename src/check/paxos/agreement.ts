/**
 * `one-value-per-slot`: at most one value is chosen in each slot over the whole run, by the rule
 * of choices.ts (learned, or accepted by a majority in one ballot). The checker remembers across
 * node restarts, so an acceptor that forgets what it accepted cannot hide a second choice.
 */
import type { Checker } from '../../sim/checker';
import type { TraceEvent } from '../../sim/trace';
import { emptyChoices, majorityOf, sight, type ChoiceState, type Sighting } from './choices';
import { ballotIn, factOf, show, slotIn, valueIn } from './facts';

export type AgreementState = ChoiceState;

/** A `chosen` or `accepted` fact as a sighting, or null. */
function sightingIn(event: TraceEvent): Sighting | null {
  const seen = factOf(event, 'chosen') ?? factOf(event, 'accepted');
  if (seen === null) return null;
  const kind = seen.fact['kind'] === 'chosen' ? 'chosen' : 'accepted';
  return { kind, node: seen.node, slot: slotIn(seen.fact), ballot: ballotIn(seen.fact) ?? '?', value: valueIn(seen.fact) };
}

export function agreementChecker(acceptors: number): Checker<AgreementState> {
  const majority = majorityOf(acceptors);
  return {
    rule: 'one-value-per-slot',
    description: 'At most one value is ever chosen in each slot, counting what learners learn and what a majority of acceptors accepted, across restarts.',
    init: emptyChoices,
    observe(state, event) {
      const seen = sightingIn(event);
      if (seen === null) return { state };
      const { choice, clash } = sight(state, seen, majority);
      if (choice === null || clash === null) return { state };
      return { state, violation: { nodes: [seen.node], detail: `slot ${seen.slot}: ${show(choice.value)} ${choice.how}, but ${show(clash.value)} was ${clash.how}` } };
    },
  };
}
