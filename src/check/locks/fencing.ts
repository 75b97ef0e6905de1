/**
 * `fencing-monotonic` (runs with fencing on): the storage accepts tokens that only go up from one
 * holder to the next. An accepted token is never below the highest accepted before, and equal to
 * it only from the same hold (the later parts of one hold's work).
 *
 * This is the storage's own accept rule, checked again from the trace: it guards against a bug in
 * the storage (a high-water mark lost on restart, a comparison the wrong way round), not against
 * the lock. It cannot see whether the tokens follow the order in which the holds were acquired,
 * so it passes a stale holder whose token happens to be higher (a counter lost in an empty restart).
 * The safety property itself is `mutual-exclusion`, which judges by the acquisitions.
 */
import type { Checker } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { writeOf } from './facts';

export type FencingState = { readonly highest: number | null; readonly holder: string | null; [key: string]: Json };

export const fencingChecker: Checker<FencingState> = {
  rule: 'fencing-monotonic',
  description: 'With fencing on, the storage accepts only tokens above the last accepted one (or the same hold again): a stale holder is turned away.',
  init: () => ({ highest: null, holder: null }),
  observe(state, event) {
    const w = writeOf(event);
    if (w === null || !w.accepted) return { state };
    const next = { highest: Math.max(state.highest ?? w.token, w.token), holder: state.highest === null || w.token > state.highest ? w.holder : state.holder };
    if (state.highest === null || w.token > state.highest || (w.token === state.highest && w.holder === state.holder)) return { state: next };
    const why = w.token === state.highest ? `the same token ${w.token} was already accepted from ${state.holder ?? '?'}` : `token ${state.highest} was already accepted`;
    return { state: next, violation: { nodes: [w.client], detail: `the storage accepted ${w.client}'s write with token ${w.token}, but ${why}` } };
  },
};
