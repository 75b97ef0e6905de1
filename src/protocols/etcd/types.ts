/**
 * The etcd lab's data: the one etcd member's keys and leases, the requests clients send it, and
 * its replies. Plain JSON throughout, so it travels between workers and persists as is.
 */
import type { NodeId } from '../../sim/node';
import type { WriteMsg, WriteReply } from '../locks/types';

/** A key as etcd's MVCC store keeps it: revisions are the store's global counter at its creation and last change. */
export type StoredKey = {
  readonly value: string;
  readonly createRevision: number;
  readonly modRevision: number;
  /** Puts since the key was created: 1 on creation. A missing key has version 0. */
  readonly version: number;
  /** The lease the key is attached to; 0 for none. */
  readonly lease: number;
  /** The client that put it (the lab's bookkeeping for facts and views; etcd does not record it). */
  readonly owner: NodeId;
};

/** A lease: granted for `ttlMs`, kept alive by the client, expired by the server's own clock. */
export type Lease = {
  readonly id: number;
  readonly ttlMs: number;
  /** Server-local time at which it expires. */
  readonly expiresAt: number;
  readonly owner: NodeId;
};

/** A client's wait for a key's deletion (etcd's watch of that key for a DELETE event). */
export type Watcher = { readonly client: NodeId; readonly rid: number; readonly key: string; readonly createRevision: number };

export type EtcdState = {
  /** The store's revision: bumped once by every transaction that changes a key, and by every lease expiry or revoke that deletes keys. */
  readonly revision: number;
  readonly nextLease: number;
  readonly keys: Readonly<Record<string, StoredKey>>;
  readonly leases: Readonly<Record<string, Lease>>;
  /** Open watches; not persisted (a watch stream dies with the server, and the client opens it again). */
  readonly watchers: readonly Watcher[];
};

/** A key as a reply shows it. */
export type KeyView = { readonly key: string; readonly value: string; readonly createRevision: number; readonly modRevision: number; readonly version: number; readonly lease: number };

/** A transaction's guard on one key: `target` of `key` compared with `value` (a missing key has version, create and mod 0, value ""). */
export type Compare = {
  readonly key: string;
  readonly target: 'version' | 'value' | 'create' | 'mod' | 'lease';
  readonly op: '=' | '!=' | '<' | '>';
  readonly value: number | string;
};

/**
 * One operation of a transaction. `range` reads the keys under `prefix`, sorted by create
 * revision (`first-create`: the oldest first; `last-create`: the newest first), at most `limit`,
 * only those created at or below `maxCreateRev` when given: what Mutex.Lock uses to find the
 * owner and the key it waits behind.
 */
export type TxnOp =
  | { readonly op: 'put'; readonly key: string; readonly value: string; readonly lease: number }
  | { readonly op: 'delete'; readonly key: string }
  | { readonly op: 'get'; readonly key: string }
  | { readonly op: 'range'; readonly prefix: string; readonly order: 'first-create' | 'last-create'; readonly limit: number; readonly maxCreateRev?: number };

export type OpResult = { readonly kvs: readonly KeyView[] } | { readonly deleted: number } | { readonly revision: number };

export type EtcdRequest =
  | { readonly op: 'grant'; readonly ttlMs: number }
  | { readonly op: 'keepalive'; readonly lease: number }
  | { readonly op: 'revoke'; readonly lease: number }
  | { readonly op: 'txn'; readonly compare: readonly Compare[]; readonly success: readonly TxnOp[]; readonly failure: readonly TxnOp[] }
  /** Tell me when `key`, as created at `createRevision`, no longer exists (at once if it is gone already). */
  | { readonly op: 'watch'; readonly key: string; readonly createRevision: number };

export type EtcdResponse =
  | { readonly op: 'grant'; readonly lease: number; readonly ttlMs: number }
  /** `ttlMs` -1: the lease is not found (expired or revoked), as etcd's LeaseKeepAlive answers TTL ≤ 0. */
  | { readonly op: 'keepalive'; readonly lease: number; readonly ttlMs: number }
  | { readonly op: 'revoke'; readonly lease: number; readonly found: boolean }
  | { readonly op: 'txn'; readonly succeeded: boolean; readonly results: readonly OpResult[]; readonly revision: number }
  | { readonly op: 'deleted'; readonly key: string; readonly revision: number };

export type ToEtcd = { readonly type: 'etcd'; readonly rid: number; readonly req: EtcdRequest };
export type FromEtcd = { readonly type: 'etcd-reply'; readonly rid: number; readonly res: EtcdResponse };

/** What travels in an etcd lab: requests to the server and its replies, and the holders' writes to the storage and its answers. */
export type EtcdMessage = ToEtcd | FromEtcd | WriteMsg | WriteReply;
