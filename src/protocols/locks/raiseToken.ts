/**
 * The hardened RedLock's second round, which makes its fencing tokens follow the order of the
 * acquisitions. The SET round's token is the highest counter among the servers that said yes; a
 * later holder's majority may miss that server and come back with a lower token, which the
 * storage would then take for a stale one (or, worse, it would take the stale holder's write).
 * So the winner asks the servers that said yes to raise their counter to its token, with a
 * compare-and-raise script that acts only while the key still holds its value, and holds the lock
 * only once a majority did so within the validity time. Any later majority meets one of those
 * servers after the raise, so its SET there counts past this token.
 */
import { quorumOf, rulesOf, serversOf } from './config';
import { forgetPending, request } from './clientOut';
import { refuse, roundTiming, roundToken } from './acquire';
import { becomeHolder } from './hold';
import { cancelTimer, setTimer, update, type ClientOut } from './out';
import { LOCK_KEY } from './types';

export function startRaise(o: ClientOut): void {
  const token = roundToken(o.s);
  update(o, { raised: [], answered: [] });
  const value = o.s.value ?? '';
  for (const server of serversOf(o.ctx).filter((s) => s in o.s.granted)) request(o, server, { op: 'raise', key: LOCK_KEY, value, token }, 'raise', o.s.round);
  setTimer(o, 'round', rulesOf(o.ctx).acquireTimeoutMs);
}

export function onRaiseReply(o: ClientOut, server: string, round: number, raised: number): void {
  const done = o.s.raised;
  if (o.s.phase !== 'acquiring' || done === null || round !== o.s.round || o.s.answered.includes(server)) return;
  update(o, { answered: [...o.s.answered, server], raised: raised === 1 ? [...done, server] : done });
  const quorum = quorumOf(serversOf(o.ctx).length);
  if ((o.s.raised?.length ?? 0) >= quorum || o.s.answered.length === Object.keys(o.s.granted).length) finishRaise(o);
}

/** A majority raised its counter, or every server that said yes answered, or the time is up. */
export function finishRaise(o: ClientOut): void {
  cancelTimer(o, 'round');
  forgetPending(o, 'raise');
  const servers = serversOf(o.ctx).length;
  const raised = o.s.raised?.length ?? 0;
  const timing = roundTiming(o);
  if (raised >= quorumOf(servers) && timing.validityMs > 0) return becomeHolder(o, timing.validityMs, timing.elapsedMs);
  refuse(o, Object.keys(o.s.granted).length, raised >= quorumOf(servers) ? timing.why : `token ${roundToken(o.s)} raised on ${raised} of ${servers} servers`);
}
