/**
 * Keeping the lock while the work runs: a renewal every TTL/2.
 * - Article: one ticker per server that granted the lock, each running the compare-and-extend
 *   script with `EXPIRE ttl-in-whole-seconds` (0 below one second: the key is deleted). A reply of
 *   0 is not an error to the Go code, so it goes on; a renewal still unanswered at the next tick
 *   is the error case, and that ticker stops silently.
 * - Hardened: one round to every server with `PEXPIRE ttl`; a majority of yeses extends the
 *   validity to TTL − drift from when the round went out; a round that cannot reach a majority
 *   tells the holder it lost the lock.
 */
import { driftMs, num, quorumOf, rulesOf, serversOf } from './config';
import { forgetPending, request } from './clientOut';
import { lose } from './hold';
import { cancelTimer, fact, setTimer, update, type ClientOut } from './out';
import { LOCK_KEY } from './types';

export function startRenewal(o: ClientOut): void {
  if (!rulesOf(o.ctx).renewalPerInstance) setTimer(o, 'renew', num(o.ctx, 'ttlMs') / 2);
  // The article's tickers started when each SETNX succeeded (acquire.ts).
}

/** The article's ticker of one instance fired. */
export function onInstanceTick(o: ClientOut, server: string): void {
  const ticker = o.s.tickers[server];
  if (ticker === undefined || o.s.value === null) return;
  if (ticker.waiting) {
    // The previous Eval never returned: the goroutine logs "Failed to renew lock" and returns.
    const { [server]: _stopped, ...rest } = o.s.tickers;
    update(o, { tickers: rest });
    return fact(o, { kind: 'renew-failed', lock: LOCK_KEY, server, why: 'no reply before the next tick; the renewal stops and the holder is not told' });
  }
  const seconds = Math.trunc(num(o.ctx, 'ttlMs') / 1000);
  update(o, { tickers: { ...o.s.tickers, [server]: { waiting: true } } });
  request(o, server, { op: 'cae', key: LOCK_KEY, value: o.s.value, seconds }, 'renew', o.s.round);
  setTimer(o, `renew:${server}`, num(o.ctx, 'ttlMs') / 2);
}

/** A hardened renewal tick: the last round, if still open, failed; start the next one. */
export function onRenewTick(o: ClientOut): void {
  if (o.s.phase !== 'holding' || o.s.value === null) return;
  if (o.s.renewing !== null) return failRenewal(o);
  const round = o.s.round + 1;
  update(o, { round, renewing: { round, sentAt: o.ctx.now, ok: [], answered: [] } });
  forgetPending(o, 'renew');
  for (const server of serversOf(o.ctx)) request(o, server, { op: 'cae', key: LOCK_KEY, value: o.s.value, ms: num(o.ctx, 'ttlMs') }, 'renew', round);
  setTimer(o, 'renew', num(o.ctx, 'ttlMs') / 2);
}

function failRenewal(o: ClientOut): void {
  const ok = o.s.renewing?.ok.length ?? 0;
  lose(o, `renewal reached ${ok} of ${serversOf(o.ctx).length} servers`);
}

export function onRenewReply(o: ClientOut, server: string, round: number, extended: number): void {
  if (rulesOf(o.ctx).renewalPerInstance) {
    // Article: whatever the script answered, the Eval returned without an error.
    if (o.s.tickers[server] !== undefined) update(o, { tickers: { ...o.s.tickers, [server]: { waiting: false } } });
    return;
  }
  const r = o.s.renewing;
  if (o.s.phase !== 'holding' || r === null || r.round !== round || r.answered.includes(server)) return;
  const next = { ...r, answered: [...r.answered, server], ok: extended === 1 ? [...r.ok, server] : r.ok };
  update(o, { renewing: next });
  const servers = serversOf(o.ctx).length;
  const ttlMs = num(o.ctx, 'ttlMs');
  if (next.ok.length >= quorumOf(servers)) {
    const leaseUntil = next.sentAt + ttlMs - driftMs(ttlMs);
    update(o, { renewing: null, leaseUntil });
    fact(o, { kind: 'renewed', lock: LOCK_KEY, servers: next.ok.length });
    cancelTimer(o, 'lease');
    setTimer(o, 'lease', leaseUntil - o.ctx.now);
  } else if (next.answered.length === servers) failRenewal(o);
}
