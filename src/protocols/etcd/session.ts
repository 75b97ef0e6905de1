/**
 * A client's leases and their keepalive: LeaseKeepAlive every TTL/3, as clientv3 sends it. A
 * lease is surely alive until the last request that proved it alive (the grant, or a keepalive
 * answered with a TTL) was sent, plus the TTL: the hardened holder trusts no more than that. The
 * article's keepalive stops when the Lock call's context ends, and nobody is told.
 */
import { num, rulesOf } from './config';
import { ask } from './request';
import { cancelTimer, fact, setTimer, update, type EtcdClientOut } from './out';
import type { Session } from './clientTypes';

const KEEPALIVE_TIMER = 'keepalive:';

export function keepaliveTimerLease(name: string): number | null {
  return name.startsWith(KEEPALIVE_TIMER) ? Number(name.slice(KEEPALIVE_TIMER.length)) : null;
}

function setSession(o: EtcdClientOut, s: Session): void {
  update(o, { sessions: { ...o.s.sessions, [String(s.lease)]: s } });
}

/** The grant came back: keep the lease alive (until `until`, local time, when given). */
export function startSession(o: EtcdClientOut, lease: number, ttlMs: number, sentAt: number, until: number | null): void {
  setSession(o, { lease, ttlMs, until, provenAt: sentAt, ended: false });
  fact(o, { kind: 'session', lease, ttlMs });
  setTimer(o, KEEPALIVE_TIMER + String(lease), nextTick(o, ttlMs, until));
}

function nextTick(o: EtcdClientOut, ttlMs: number, until: number | null): number {
  const period = ttlMs / 3;
  return until === null ? period : Math.max(0.001, Math.min(period, until - o.ctx.now));
}

/** Is the lease surely alive by this client's clock? */
export function sessionAlive(o: EtcdClientOut, lease: number | null): boolean {
  const s = lease === null ? undefined : o.s.sessions[String(lease)];
  return s !== undefined && !s.ended && o.ctx.now < s.provenAt + s.ttlMs;
}

/** The keepalive stops: the lease runs out a TTL after its last keepalive, unless something else happens. */
export function stopKeepalive(o: EtcdClientOut, lease: number, why: string | null): void {
  const s = o.s.sessions[String(lease)];
  cancelTimer(o, KEEPALIVE_TIMER + String(lease));
  if (s === undefined || s.ended) return;
  setSession(o, { ...s, ended: true });
  if (why !== null) fact(o, { kind: 'keepalive-stopped', lease, why });
}

/** Done with the lease: stop keeping it alive, forget it, and with `revoke` ask the server to drop it (and its keys) now. */
export function closeSession(o: EtcdClientOut, lease: number | null, revoke: boolean): void {
  if (lease === null) return;
  cancelTimer(o, KEEPALIVE_TIMER + String(lease));
  const { [String(lease)]: _gone, ...rest } = o.s.sessions;
  update(o, { sessions: rest });
  if (revoke) ask(o, { op: 'revoke', lease }, 'revoke', null, lease);
}

/**
 * A keepalive tick. Returns the lease when the hardened client finds it lost (no keepalive
 * answered within the TTL), for the caller to act on; null otherwise.
 */
export function onKeepaliveTick(o: EtcdClientOut, lease: number): number | null {
  const s = o.s.sessions[String(lease)];
  if (s === undefined || s.ended) return null;
  if (s.until !== null && o.ctx.now >= s.until) {
    stopKeepalive(o, lease, 'the Lock call’s context ended, and the keepalive with it');
    return null;
  }
  if (rulesOf(o.ctx).tellHolder && !sessionAlive(o, lease)) {
    stopKeepalive(o, lease, null);
    return lease;
  }
  ask(o, { op: 'keepalive', lease }, 'keepalive', null, lease);
  setTimer(o, KEEPALIVE_TIMER + String(lease), nextTick(o, s.ttlMs, s.until));
  return null;
}

/** A keepalive answer. Returns the lease when the server says it is gone, null otherwise. */
export function onKeepaliveReply(o: EtcdClientOut, lease: number, ttlMs: number, sentAt: number): number | null {
  const s = o.s.sessions[String(lease)];
  if (s === undefined || s.ended) return null;
  if (ttlMs > 0) {
    setSession(o, { ...s, provenAt: Math.max(s.provenAt, sentAt) });
    return null;
  }
  stopKeepalive(o, lease, 'the server no longer knows the lease');
  return lease;
}

export function ttlOf(o: EtcdClientOut): number {
  return num(o.ctx, 'ttlMs');
}
