/**
 * `mutual-exclusion` at the storage: the storage takes the holds' writes in the order the holds
 * were acquired. Once a hold acquired later has had a write accepted, a write of an earlier hold
 * that the storage still accepts means the two critical sections overlapped: the earlier holder
 * wrote when the lock was no longer its own. This covers a holder that wrote before it was
 * overtaken and writes again (its work and the next holder's interleave) as well as the classic
 * stale write, where a holder paused before its first write and writes after the next holder's
 * whole work (it may overwrite what that holder wrote, from data it read under the old lock).
 *
 * The order of holds is the order of the clients' `acquired` facts in the trace. A client's
 * holds are numbered 1, 2... (the `hold` of its writes), so counting its `acquired` facts names
 * each hold. A write accepted before any write of a later hold is not flagged: the storage still
 * saw the holds one after the other, which is what fencing tokens guarantee.
 */
import type { Checker } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { acquiredOf, writeOf, type StorageWrite } from './facts';

/** A bound on the holds whose order is remembered; a write of an older hold is not judged. */
const MAX_HOLDS = 256;

type Newest = { readonly order: number; readonly holder: string; readonly token: number };

export type ExclusionState = {
  /** Acquisitions seen so far, and how many of them each client made. */
  readonly acquisitions: number;
  readonly holds: Readonly<Record<string, number>>;
  /** The place of each recent hold ("client#hold") among all acquisitions. */
  readonly order: Readonly<Record<string, number>>;
  /** The latest-acquired hold the storage has accepted a write from. */
  readonly newest: Newest | null;
  [key: string]: Json;
};

const clientOf = (holder: string): string => holder.split('#')[0] ?? holder;

function onAcquired(state: ExclusionState, client: string): ExclusionState {
  const hold = (state.holds[client] ?? 0) + 1;
  const order: Record<string, number> = { [`${client}#${hold}`]: state.acquisitions };
  for (const [holder, place] of Object.entries(state.order)) if (place > state.acquisitions - MAX_HOLDS) order[holder] = place;
  return { ...state, acquisitions: state.acquisitions + 1, holds: { ...state.holds, [client]: hold }, order };
}

function overlapDetail(w: StorageWrite, newest: Newest): string {
  const other = clientOf(newest.holder) === w.client ? `its own later hold (${newest.holder})` : clientOf(newest.holder);
  // Fencing rejects a token below the highest accepted, or equal to it from another hold.
  const fencing =
    w.token <= newest.token
      ? `Fencing tokens would turn it away: its token is not above ${newest.token}, which the storage already accepted from another hold.`
      : `Its token is above ${newest.token}, so fencing need not turn it away: these tokens do not follow the order of the acquisitions.`;
  return `${w.client} wrote (token ${w.token}) after ${other}, which acquired the lock later, had written (token ${newest.token}): the two critical sections overlap. Both believed they held the lock (a pause or delay longer than the TTL, a clock jump or a lost key gave it to both). ${fencing}`;
}

export const mutualExclusionChecker: Checker<ExclusionState> = {
  rule: 'mutual-exclusion',
  // "An earlier holder" is one that acquired the lock earlier.
  description: 'No two lock holders’ writes interleave at the storage: once another holder has written, an earlier holder writes no more.',
  init: () => ({ acquisitions: 0, holds: {}, order: {}, newest: null }),
  observe(state, event) {
    const acquired = acquiredOf(event);
    if (acquired !== null) return { state: onAcquired(state, acquired.client) };
    const w = writeOf(event);
    const order = w === null || !w.accepted ? undefined : state.order[w.holder];
    if (w === null || order === undefined) return { state };
    const newest = state.newest;
    if (newest === null || order >= newest.order) return { state: { ...state, newest: { order, holder: w.holder, token: w.token } } };
    const nodes = [...new Set([w.client, clientOf(newest.holder)])];
    return { state, violation: { nodes, detail: overlapDetail(w, newest) } };
  },
};
