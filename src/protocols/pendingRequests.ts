/**
 * A client's table of requests waiting for their replies, keyed by request id. It is bounded:
 * past `MAX_PENDING_REQUESTS` the oldest is forgotten, and a reply to it is then ignored, so a
 * client cut off from its servers for a long time keeps a state of bounded size.
 */
export type PendingRequests<P> = Readonly<Record<string, P>>;

export const MAX_PENDING_REQUESTS = 64;

/** The table with `entry` waiting under `rid`, the oldest dropped if it was full. */
export function withPending<P>(table: PendingRequests<P>, rid: number, entry: P): PendingRequests<P> {
  const entries = Object.entries(table);
  const kept = entries.length >= MAX_PENDING_REQUESTS ? Object.fromEntries(entries.slice(entries.length - MAX_PENDING_REQUESTS + 1)) : table;
  return { ...kept, [String(rid)]: entry };
}

/** The request `rid` answers and the table without it; null for an unknown or forgotten one. */
export function withoutPending<P>(table: PendingRequests<P>, rid: number): { readonly entry: P; readonly rest: PendingRequests<P> } | null {
  const key = String(rid);
  const entry = table[key];
  if (entry === undefined) return null;
  const { [key]: _done, ...rest } = table;
  return { entry, rest };
}
