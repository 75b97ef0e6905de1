/**
 * Helpers every part of the lock client shares: sending a Redis command with a request id that
 * its reply will carry, and forgetting the requests of a round that is over.
 */
import type { NodeId } from '../../sim/node';
import { send, update, type ClientOut } from './out';
import type { Pending, RedisCommand } from './types';
import { withoutPending, withPending } from '../pendingRequests';

export function request(o: ClientOut, server: NodeId, cmd: RedisCommand, purpose: Pending['purpose'], round: number): void {
  const rid = o.s.nextRid;
  update(o, { nextRid: rid + 1, pending: withPending(o.s.pending, rid, { purpose, server, round }) });
  send(o, server, { type: 'cmd', rid, cmd });
}

/** Takes the request a reply answers out of the pending list; null for an unknown or forgotten one. */
export function takePending(o: ClientOut, rid: number): Pending | null {
  const taken = withoutPending(o.s.pending, rid);
  if (taken === null) return null;
  update(o, { pending: taken.rest });
  return taken.entry;
}

export function forgetPending(o: ClientOut, purpose: Pending['purpose']): void {
  update(o, { pending: Object.fromEntries(Object.entries(o.s.pending).filter(([, p]) => p.purpose !== purpose)) });
}
