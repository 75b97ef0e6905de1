/** Reading the lock labs' facts (docs/trace-format.md, "redis-lock and redlock") out of trace events. */
import type { TraceEvent } from '../../sim/trace';

export interface StorageWrite {
  readonly client: string;
  readonly token: number;
  readonly accepted: boolean;
  /** "client#hold": one acquisition of one client. */
  readonly holder: string;
}

export function writeOf(event: TraceEvent): StorageWrite | null {
  if (event.type !== 'output' || event.fact['kind'] !== 'write') return null;
  const { client, token, accepted, hold } = event.fact;
  if (typeof client !== 'string' || typeof token !== 'number') return null;
  return { client, token, accepted: accepted === true, holder: `${client}#${typeof hold === 'number' ? hold : 0}` };
}

/** A Redis server's `deleted` or `extended` fact: who acted on whose key. */
export function keyActionOf(event: TraceEvent): { readonly server: string; readonly kind: string; readonly by: string; readonly owner: string; readonly how: string } | null {
  if (event.type !== 'output') return null;
  const { kind, by, owner, how } = event.fact;
  if ((kind !== 'deleted' && kind !== 'extended') || typeof by !== 'string' || typeof owner !== 'string') return null;
  return { server: event.node, kind, by, owner, how: typeof how === 'string' ? how : 'renewal' };
}

/** A client's `acquired` fact: it now holds the lock. An etcd TryLock's background Lock (`background`) starts no hold of the client's. */
export function acquiredOf(event: TraceEvent): { readonly client: string; readonly token: number | null } | null {
  if (event.type !== 'output' || event.fact['kind'] !== 'acquired' || event.fact['background'] === true) return null;
  const { token } = event.fact;
  return { client: event.node, token: typeof token === 'number' ? token : null };
}
