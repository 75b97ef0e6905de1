/**
 * `mutual-exclusion` at the storage: the accepted writes of two holders never interleave. A
 * holder's work is several writes; once another holder has written after it, a further write of
 * the first one lands in the middle of someone else's work. That is the damage a lock is there to
 * prevent, and what a pause longer than the TTL does to the seed's lock without fencing.
 */
import type { Checker } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { writeOf } from './facts';

/** A bound on the holders remembered as overtaken. */
const MAX_OVERTAKEN = 256;

export type ExclusionState = { readonly last: string | null; readonly overtaken: string[]; readonly by: Readonly<Record<string, string>>; [key: string]: Json };

const clientOf = (holder: string): string => holder.split('#')[0] ?? holder;

export const mutualExclusionChecker: Checker<ExclusionState> = {
  rule: 'mutual-exclusion',
  description: 'No two lock holders’ writes interleave at the storage: once another holder has written, an earlier holder writes no more.',
  init: () => ({ last: null, overtaken: [], by: {} }),
  observe(state, event) {
    const w = writeOf(event);
    if (w === null || !w.accepted) return { state };
    const overtakes = state.last !== null && state.last !== w.holder && !state.overtaken.includes(state.last);
    const next: ExclusionState = overtakes
      ? { last: w.holder, overtaken: [...state.overtaken, state.last as string].slice(-MAX_OVERTAKEN), by: { ...state.by, [state.last as string]: w.holder } }
      : { ...state, last: w.holder };
    if (!state.overtaken.includes(w.holder)) return { state: next };
    const other = state.by[w.holder] ?? '?';
    return {
      state: next,
      violation: {
        nodes: [w.client, clientOf(other)],
        detail: `${w.client} wrote (token ${w.token}) after ${clientOf(other)} had started writing under the lock: two holders' writes interleave. Both believed they held the lock (a pause or delay longer than the TTL, a clock jump or a lost key gave it to both), and without fencing the storage cannot tell.`,
      },
    };
  },
};
