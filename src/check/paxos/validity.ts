/**
 * `only-proposed-chosen`: a learner only ever learns a value some client proposed (reported by
 * the proposer that took it, fact `proposed`), or, in Multi-Paxos, the no-op a new leader fills
 * an empty slot with.
 */
import type { Checker } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { factOf, show, slotIn, valueIn } from './facts';

export type ValidityState = { readonly proposed: Record<string, true>; [key: string]: Json };

export function validityChecker(noopAllowed: boolean): Checker<ValidityState> {
  return {
    rule: 'only-proposed-chosen',
    description: noopAllowed ? 'Only a value a client proposed, or a leader’s no-op filling a gap, is ever chosen.' : 'Only a value a client proposed is ever chosen.',
    init: () => ({ proposed: {} }),
    observe(state, event) {
      const proposed = factOf(event, 'proposed');
      if (proposed !== null) {
        const value = valueIn(proposed.fact);
        // Added in place: copying a set that grows with every command would make a long run
        // quadratic. The kernel checkpoints checker state by cloning it, so this is safe.
        if (value !== null) state.proposed[value] = true;
        return { state };
      }
      const chosen = factOf(event, 'chosen');
      if (chosen === null) return { state };
      const value = valueIn(chosen.fact);
      if (value === null ? noopAllowed : state.proposed[value] === true) return { state };
      return { state, violation: { nodes: [chosen.node], detail: `${chosen.node} learned ${show(value)} for slot ${slotIn(chosen.fact)}, which no client proposed` } };
    },
  };
}
