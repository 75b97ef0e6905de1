/**
 * `only-proposed-chosen`: a learner only ever learns a value some client asked for, or, in
 * Multi-Paxos, the no-op a new leader fills an empty slot with. What clients asked for comes from
 * the kernel's `invoke` events (a person's or a scenario's command, or a built-in client's), not
 * from the protocol's own `proposed` facts: a protocol that made a value up and reported it as
 * proposed must not pass. An operation without a value asks for the node's default
 * (protocols/paxos/values.ts): its own letter, and in Multi-Paxos the slot after it.
 */
import type { Checker } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { requestedValue } from '../../protocols/paxos/values';
import { factOf, show, slotIn, valueIn } from './facts';

export type ValidityState = {
  /** Values clients named. */
  readonly proposed: Record<string, true>;
  /** Nodes asked to propose without a value, so their default counts as proposed. */
  readonly defaultsAt: Record<string, true>;
  [key: string]: Json;
};

export interface ValidityRules {
  /** Whether a no-op may be chosen (Multi-Paxos fills gaps with it). */
  readonly noopAllowed: boolean;
  /** The value a node proposes for an operation that names none, by the slot it is chosen in. */
  readonly defaultValue: (node: string, slot: number) => string;
}

function asked(state: ValidityState, value: string | null, slot: number, rules: ValidityRules): boolean {
  if (value === null) return rules.noopAllowed;
  if (state.proposed[value] === true) return true;
  return Object.keys(state.defaultsAt).some((node) => rules.defaultValue(node, slot) === value);
}

export function validityChecker(rules: ValidityRules): Checker<ValidityState> {
  return {
    rule: 'only-proposed-chosen',
    description: rules.noopAllowed ? 'Only a value a client proposed, or a leader’s no-op filling a gap, is ever chosen.' : 'Only a value a client proposed is ever chosen.',
    init: () => ({ proposed: {}, defaultsAt: {} }),
    observe(state, event) {
      if (event.type === 'invoke') {
        if (event.op['op'] !== 'propose') return { state };
        const value = requestedValue(event.op);
        // Added in place: copying a set that grows with every command would make a long run
        // quadratic. The kernel checkpoints checker state by cloning it, so this is safe.
        if (value === null) state.defaultsAt[event.node] = true;
        else state.proposed[value] = true;
        return { state };
      }
      const chosen = factOf(event, 'chosen');
      if (chosen === null) return { state };
      const value = valueIn(chosen.fact);
      const slot = slotIn(chosen.fact);
      if (asked(state, value, slot, rules)) return { state };
      return { state, violation: { nodes: [chosen.node], detail: `${chosen.node} learned ${show(value)} for slot ${slot}, which no client proposed` } };
    },
  };
}
