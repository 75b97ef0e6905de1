/**
 * The etcd member's store as pure functions over its state: a global revision, keys with create
 * and mod revisions, versions and leases, transactions with compares, and leases that expire by
 * the server's own clock and take their keys with them. Each function returns the new state, the
 * answer and what changed (for the server's facts and its watchers).
 */
import type { NodeId } from '../../sim/node';
import type { Compare, EtcdState, KeyView, Lease, OpResult, StoredKey, TxnOp } from './types';

export const EMPTY_STORE: EtcdState = { revision: 1, nextLease: 1, keys: {}, leases: {}, watchers: [] };

export type StoreChange =
  | { readonly kind: 'put'; readonly key: string; readonly entry: StoredKey; readonly by: NodeId; readonly revision: number }
  | { readonly kind: 'deleted'; readonly key: string; readonly entry: StoredKey; readonly by: NodeId; readonly how: 'delete' | 'revoke'; readonly revision: number }
  | { readonly kind: 'expired'; readonly key: string; readonly entry: StoredKey; readonly revision: number }
  | { readonly kind: 'granted'; readonly lease: Lease }
  | { readonly kind: 'revoked'; readonly lease: Lease; readonly by: NodeId; readonly keys: number }
  | { readonly kind: 'lease-expired'; readonly lease: Lease; readonly keys: number };

export interface Applied<R> {
  readonly state: EtcdState;
  readonly result: R;
  readonly changes: readonly StoreChange[];
}

export function viewOf(key: string, k: StoredKey): KeyView {
  return { key, value: k.value, createRevision: k.createRevision, modRevision: k.modRevision, version: k.version, lease: k.lease };
}

function withoutKeys(state: EtcdState, keys: readonly string[]): EtcdState {
  const kept = Object.fromEntries(Object.entries(state.keys).filter(([k]) => !keys.includes(k)));
  return { ...state, keys: kept };
}

function withoutLease(state: EtcdState, id: number): EtcdState {
  const { [String(id)]: _gone, ...leases } = state.leases;
  return { ...state, leases };
}

/** The keys attached to a lease, in key order. */
export function keysOfLease(state: EtcdState, id: number): string[] {
  return Object.keys(state.keys)
    .filter((k) => state.keys[k]?.lease === id)
    .sort();
}

export function liveLease(state: EtcdState, id: number, now: number): Lease | null {
  const lease = state.leases[String(id)];
  return lease !== undefined && lease.expiresAt > now ? lease : null;
}

export function grant(state: EtcdState, ttlMs: number, owner: NodeId, now: number): Applied<Lease> {
  const lease: Lease = { id: state.nextLease, ttlMs, expiresAt: now + ttlMs, owner };
  const next = { ...state, nextLease: state.nextLease + 1, leases: { ...state.leases, [String(lease.id)]: lease } };
  return { state: next, result: lease, changes: [{ kind: 'granted', lease }] };
}

/** LeaseKeepAlive: a live lease gets its full TTL again from now; an expired or unknown one answers -1. */
export function keepAlive(state: EtcdState, id: number, now: number): Applied<number> {
  const lease = liveLease(state, id, now);
  if (lease === null) return { state, result: -1, changes: [] };
  const renewed = { ...lease, expiresAt: now + lease.ttlMs };
  return { state: { ...state, leases: { ...state.leases, [String(id)]: renewed } }, result: lease.ttlMs, changes: [] };
}

/** Drops a lease and deletes its keys in one revision; `by` null: it expired. */
function endLease(state: EtcdState, lease: Lease, by: NodeId | null): Applied<boolean> {
  const keys = keysOfLease(state, lease.id);
  const revision = keys.length > 0 ? state.revision + 1 : state.revision;
  const changes: StoreChange[] = keys.map((key) => {
    const entry = state.keys[key] as StoredKey;
    return by === null ? { kind: 'expired', key, entry, revision } : { kind: 'deleted', key, entry, by, how: 'revoke', revision };
  });
  changes.push(by === null ? { kind: 'lease-expired', lease, keys: keys.length } : { kind: 'revoked', lease, by, keys: keys.length });
  return { state: { ...withoutLease(withoutKeys(state, keys), lease.id), revision }, result: true, changes };
}

export function revoke(state: EtcdState, id: number, by: NodeId, now: number): Applied<boolean> {
  const lease = liveLease(state, id, now);
  if (lease === null) return { state, result: false, changes: [] };
  return endLease(state, lease, by);
}

/** Every lease whose time ran out by `now` (the server's clock), oldest id first, with its keys. */
export function expireLeases(state: EtcdState, now: number): Applied<number> {
  const lapsed = Object.values(state.leases)
    .filter((l) => l.expiresAt <= now)
    .sort((a, b) => a.id - b.id);
  let s = state;
  const changes: StoreChange[] = [];
  for (const lease of lapsed) {
    const ended = endLease(s, lease, null);
    s = ended.state;
    changes.push(...ended.changes);
  }
  return { state: s, result: lapsed.length, changes };
}

/**
 * After a restart etcd's lessor gives every lease a fresh TTL from now (leases are persisted but
 * their deadlines are not), so a lock held before the restart is held after it.
 */
export function refreshLeases(state: EtcdState, now: number): EtcdState {
  const leases = Object.fromEntries(Object.entries(state.leases).map(([id, l]) => [id, { ...l, expiresAt: now + l.ttlMs }]));
  return { ...state, leases, watchers: [] };
}

function targetOf(k: StoredKey | undefined, target: Compare['target']): number | string {
  switch (target) {
    case 'version':
      return k?.version ?? 0;
    case 'value':
      return k?.value ?? '';
    case 'create':
      return k?.createRevision ?? 0;
    case 'mod':
      return k?.modRevision ?? 0;
    case 'lease':
      return k?.lease ?? 0;
  }
}

export function holds(state: EtcdState, c: Compare): boolean {
  const actual = targetOf(state.keys[c.key], c.target);
  switch (c.op) {
    case '=':
      return actual === c.value;
    case '!=':
      return actual !== c.value;
    case '<':
      return actual < c.value;
    case '>':
      return actual > c.value;
  }
}

/** The keys under `prefix` in create-revision order, as a range with WithFirstCreate / WithLastCreate / WithMaxCreateRev. */
export function rangeOf(state: EtcdState, op: Extract<TxnOp, { op: 'range' }>): KeyView[] {
  const under = Object.entries(state.keys)
    .filter(([k, v]) => k.startsWith(op.prefix) && (op.maxCreateRev === undefined || v.createRevision <= op.maxCreateRev))
    .map(([k, v]) => viewOf(k, v))
    .sort((a, b) => a.createRevision - b.createRevision);
  if (op.order === 'last-create') under.reverse();
  return under.slice(0, op.limit);
}

/**
 * One transaction: if every compare holds, the `success` ops run, else the `failure` ops, all at
 * one new revision when any of them writes. A put to a lease that is not live fails the whole
 * transaction (etcd: "requested lease not found"), answered as not succeeded with no results.
 */
export function txn(state: EtcdState, compare: readonly Compare[], success: readonly TxnOp[], failure: readonly TxnOp[], by: NodeId, now: number): Applied<{ succeeded: boolean; results: OpResult[]; revision: number }> {
  const succeeded = compare.every((c) => holds(state, c));
  const ops = succeeded ? success : failure;
  const writes = ops.some((o) => o.op === 'put' || (o.op === 'delete' && state.keys[o.key] !== undefined));
  const badLease = ops.some((o) => o.op === 'put' && o.lease !== 0 && liveLease(state, o.lease, now) === null);
  if (badLease) return { state, result: { succeeded: false, results: [], revision: state.revision }, changes: [] };
  const revision = writes ? state.revision + 1 : state.revision;
  let s: EtcdState = { ...state, revision };
  const results: OpResult[] = [];
  const changes: StoreChange[] = [];
  for (const o of ops) {
    if (o.op === 'put') {
      const old = s.keys[o.key];
      const entry: StoredKey = { value: o.value, createRevision: old?.createRevision ?? revision, modRevision: revision, version: (old?.version ?? 0) + 1, lease: o.lease, owner: by };
      s = { ...s, keys: { ...s.keys, [o.key]: entry } };
      results.push({ revision });
      changes.push({ kind: 'put', key: o.key, entry, by, revision });
    } else if (o.op === 'delete') {
      const old = s.keys[o.key];
      if (old !== undefined) {
        s = withoutKeys(s, [o.key]);
        changes.push({ kind: 'deleted', key: o.key, entry: old, by, how: 'delete', revision });
      }
      results.push({ deleted: old === undefined ? 0 : 1 });
    } else if (o.op === 'get') {
      const k = s.keys[o.key];
      results.push({ kvs: k === undefined ? [] : [viewOf(o.key, k)] });
    } else results.push({ kvs: rangeOf(s, o) });
  }
  return { state: s, result: { succeeded, results, revision: s.revision }, changes };
}
