/**
 * Letting go of the lock: the compare-and-delete script on every server, so only a key that still
 * holds this client's value is deleted. In the article an Unlock first closes the stop channel
 * of every instance's renewal; a second Unlock of the same lock closes a closed channel, which
 * is a Go panic, and the script never runs.
 */
import { rulesOf, serversOf } from './config';
import { forgetPending, request } from './clientOut';
import { cancelTimer, fact, update, type ClientOut } from './out';
import { LOCK_KEY } from './types';

/** Sends compare-and-delete for this client's value to every server. */
export function releaseEverywhere(o: ClientOut): void {
  const value = o.s.value;
  if (value === null) return;
  forgetPending(o, 'release');
  for (const server of serversOf(o.ctx)) request(o, server, { op: 'cad', key: LOCK_KEY, value }, 'release', o.s.round);
}

/** Stops every renewal: the article's per-instance tickers and the hardened renewal round. */
export function stopTickers(o: ClientOut): void {
  for (const server of Object.keys(o.s.tickers)) cancelTimer(o, `renew:${server}`);
  cancelTimer(o, 'renew');
  cancelTimer(o, 'lease');
  forgetPending(o, 'renew');
  update(o, { tickers: {}, renewing: null });
}

/**
 * Ends a hold: stop renewing, delete the key where it is still ours, and rest. Returns false when
 * the article's Unlock panicked instead (its stop channel was already closed).
 */
export function unlock(o: ClientOut): boolean {
  cancelTimer(o, 'work');
  if (rulesOf(o.ctx).renewalPerInstance) {
    if (o.s.stopClosed) return false;
    update(o, { stopClosed: true });
  }
  stopTickers(o);
  releaseEverywhere(o);
  fact(o, { kind: 'released', lock: LOCK_KEY });
  return true;
}

/** A compare-and-delete answered 0: the key was gone or someone else's. The article's Unlock returns this error. */
export function onReleaseReply(o: ClientOut, server: string, deleted: number): void {
  if (deleted === 0 && rulesOf(o.ctx).renewalPerInstance && serversOf(o.ctx).length === 1) fact(o, { kind: 'unlock-error', lock: LOCK_KEY, server, why: 'lock not held by this instance' });
}
