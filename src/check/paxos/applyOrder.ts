/**
 * `apply-in-order` (Multi-Paxos): each learner applies slots 0, 1, 2... with no gap and no
 * repeat. A crash wipes its state machine, so after a restart it starts again from slot 0.
 */
import type { Checker } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { factOf, slotIn } from './facts';

export type ApplyState = { readonly next: Readonly<Record<string, number>>; [key: string]: Json };

export const applyOrderChecker: Checker<ApplyState> = {
  rule: 'apply-in-order',
  description: 'Every learner applies the log in slot order, with no gap and no slot twice.',
  init: () => ({ next: {} }),
  observe(state, event) {
    if (event.type === 'crash' && state.next[event.node] !== undefined) {
      const { [event.node]: _gone, ...next } = state.next;
      return { state: { next } };
    }
    const applied = factOf(event, 'applied');
    if (applied === null) return { state };
    const slot = slotIn(applied.fact);
    const expected = state.next[applied.node] ?? 0;
    const next = { next: { ...state.next, [applied.node]: Math.max(expected, slot + 1) } };
    if (slot === expected) return { state: next };
    return { state: next, violation: { nodes: [applied.node], detail: `${applied.node} applied slot ${slot} when slot ${expected} was next` } };
  },
};
