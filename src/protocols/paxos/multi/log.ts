/** The Multi-Paxos learner: chosen values by slot, applied strictly in slot order. */
import type { Ballot } from '../ballot';
import { timing } from '../config';
import { fact, send, update, type Out } from '../out';
import type { Value } from '../types';
import type { LogState, MultiState } from './types';

/** At most this many Learns answer one CatchUp. */
export const CATCH_UP_BATCH = 16;

/**
 * Records that `value` was chosen in `slot` and applies every slot now ready, in order. A
 * different value for a known slot is reported (the agreement checker must see it), not taken.
 */
export function learnSlot(o: Out<MultiState>, slot: number, value: Value, ballot: Ballot): void {
  if (slot < 0 || slot >= timing(o.ctx, 'maxSlots')) return;
  const known = o.s.log.chosen[slot];
  if (known !== undefined && known.value === value) return;
  fact(o, { kind: 'chosen', slot, value, ballot });
  if (known !== undefined) return;
  let { applied } = o.s.log;
  const chosen: LogState['chosen'] = { ...o.s.log.chosen, [slot]: { value, ballot } };
  for (let next = chosen[applied]; next !== undefined; next = chosen[applied]) {
    fact(o, { kind: 'applied', slot: applied, value: next.value });
    applied++;
  }
  update(o, { log: { chosen, applied } });
}

/** The highest slot this node knows chosen, or -1. */
export function lastChosen(o: Out<MultiState>): number {
  let last = -1;
  for (const slot of Object.keys(o.s.log.chosen)) last = Math.max(last, Number(slot));
  return last;
}

/** Answers a learner that is behind with the chosen values it asked for, a bounded batch. */
export function onCatchUp(o: Out<MultiState>, from: string, slot: number): void {
  for (let s = slot; s < slot + CATCH_UP_BATCH; s++) {
    const known = o.s.log.chosen[s];
    if (known === undefined) return;
    send(o, from, { type: 'Learn', slot: s, value: known.value, ballot: known.ballot });
  }
}
