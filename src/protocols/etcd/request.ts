/**
 * A client's requests to the etcd server: each carries a request id its reply echoes, and the
 * request an attempt waits for is sent again when no reply came in time (a lossy network, or a
 * server that is down or restarting). A watch has no reply until its key goes, so it is opened
 * again every keepalive period instead: that also renews it after the server restarted.
 */
import { ETCD_ID, num } from './config';
import { send, setTimer, update, cancelTimer, type EtcdClientOut } from './out';
import type { Attempt, Pending, Slot } from './clientTypes';
import type { EtcdRequest } from './types';
import { withoutPending, withPending } from '../pendingRequests';

export function ask(o: EtcdClientOut, req: EtcdRequest, purpose: string, slot: Slot | null, lease: number | null = null): number {
  const rid = o.s.nextRid;
  const pending: Pending = { purpose, slot, lease, sentAt: o.ctx.now };
  update(o, { nextRid: rid + 1, pending: withPending(o.s.pending, rid, pending) });
  send(o, ETCD_ID, { type: 'etcd', rid, req });
  return rid;
}

export function takePending(o: EtcdClientOut, rid: number): Pending | null {
  const taken = withoutPending(o.s.pending, rid);
  if (taken === null) return null;
  update(o, { pending: taken.rest });
  return taken.entry;
}

export function attemptIn(o: EtcdClientOut, slot: Slot): Attempt | null {
  return slot === 'main' ? o.s.main : o.s.background;
}

export function setAttempt(o: EtcdClientOut, slot: Slot, a: Attempt | null): void {
  update(o, slot === 'main' ? { main: a } : { background: a });
  if (a === null || a.inflight === null) cancelTimer(o, `resend:${slot}`);
}

export function changeAttempt(o: EtcdClientOut, slot: Slot, change: Partial<Attempt>): Attempt | null {
  const a = attemptIn(o, slot);
  if (a === null) return null;
  const next = { ...a, ...change };
  setAttempt(o, slot, next);
  return next;
}

function resendDelay(o: EtcdClientOut, req: EtcdRequest): number {
  return req.op === 'watch' ? num(o.ctx, 'ttlMs') / 3 : num(o.ctx, 'requestTimeoutMs');
}

/** The attempt's next request: sent now, and again after a timeout until a reply comes. */
export function askFor(o: EtcdClientOut, slot: Slot, req: EtcdRequest, purpose: string): void {
  const lease = attemptIn(o, slot)?.lease ?? null;
  const rid = ask(o, req, purpose, slot, lease);
  changeAttempt(o, slot, { inflight: { rid, req } });
  setTimer(o, `resend:${slot}`, resendDelay(o, req));
}

/** The reply to the attempt's current request came: it waits for nothing now. */
export function answered(o: EtcdClientOut, slot: Slot, rid: number): boolean {
  const a = attemptIn(o, slot);
  if (a === null || a.inflight === null || a.inflight.rid !== rid) return false;
  changeAttempt(o, slot, { inflight: null });
  return true;
}

export function onResendTimer(o: EtcdClientOut, slot: Slot): void {
  const a = attemptIn(o, slot);
  if (a === null || a.inflight === null) return;
  const old = o.s.pending[String(a.inflight.rid)];
  if (old !== undefined) takePending(o, a.inflight.rid);
  askFor(o, slot, a.inflight.req, old?.purpose ?? a.step);
}
