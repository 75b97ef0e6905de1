/**
 * Helpers every part of the lock client shares: sending a Redis command with a request id that
 * its reply will carry, and forgetting the requests of a round that is over.
 */
import type { NodeId } from '../../sim/node';
import { send, update, type Out } from './out';
import type { ClientState, Pending, RedisCommand } from './types';

/** A bound on requests a client waits for; older ones are forgotten (their replies ignored). */
const MAX_PENDING = 64;

export function request(o: Out<ClientState>, server: NodeId, cmd: RedisCommand, purpose: Pending['purpose'], round: number): void {
  const rid = o.s.nextRid;
  const entries = Object.entries(o.s.pending);
  const kept = entries.length >= MAX_PENDING ? Object.fromEntries(entries.slice(entries.length - MAX_PENDING + 1)) : o.s.pending;
  update(o, { nextRid: rid + 1, pending: { ...kept, [String(rid)]: { purpose, server, round } } });
  send(o, server, { type: 'cmd', rid, cmd });
}

/** Takes the request a reply answers out of the pending list; null for an unknown or forgotten one. */
export function takePending(o: Out<ClientState>, rid: number): Pending | null {
  const key = String(rid);
  const pending = o.s.pending[key];
  if (pending === undefined) return null;
  const { [key]: _done, ...rest } = o.s.pending;
  update(o, { pending: rest });
  return pending;
}

export function forgetPending(o: Out<ClientState>, purpose: Pending['purpose']): void {
  update(o, { pending: Object.fromEntries(Object.entries(o.s.pending).filter(([, p]) => p.purpose !== purpose)) });
}
