/**
 * The etcd server's view model: its revision, the keys under the lock (oldest create revision
 * first, the first of them marked as the owner), and each lease with the time it has left by the
 * server's own clock, so a clock jump on the server shows as every lease running short.
 */
import type { NodeFrame } from '../../runtime/frame';
import type { EtcdState } from '../../protocols/etcd';

export interface EtcdKeyRow {
  readonly key: string;
  readonly owner: string;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly version: number;
  readonly lease: number;
  /** The key with the lowest create revision: the lock's owner (the txn lock's one key is its own owner). */
  readonly owns: boolean;
}

export interface EtcdLeaseRow {
  readonly id: number;
  readonly owner: string;
  readonly ttlMs: number;
  /** Ms left by the server's clock (0 once it has lapsed but was not yet removed). */
  readonly leftMs: number;
  /** `leftMs` over the TTL, 0..1. */
  readonly fraction: number;
  readonly keys: readonly string[];
}

export interface EtcdView {
  readonly id: string;
  readonly status: NodeFrame['status'];
  readonly revision: number;
  readonly keys: readonly EtcdKeyRow[];
  readonly leases: readonly EtcdLeaseRow[];
}

function isEtcdState(state: unknown): state is EtcdState {
  return typeof state === 'object' && state !== null && 'revision' in state && 'keys' in state && 'leases' in state;
}

export function etcdKeysModel(nodes: readonly NodeFrame[]): EtcdView[] {
  return nodes
    .filter((n) => n.kind === 'etcd')
    .map((n): EtcdView => {
      const s = isEtcdState(n.state) ? n.state : { revision: 0, keys: {}, leases: {} };
      const keys = Object.entries(s.keys)
        .sort(([, a], [, b]) => a.createRevision - b.createRevision)
        .map(([key, k], i): EtcdKeyRow => ({ key, owner: k.owner, createRevision: k.createRevision, modRevision: k.modRevision, version: k.version, lease: k.lease, owns: i === 0 }));
      const leases = Object.values(s.leases)
        .sort((a, b) => a.id - b.id)
        .map((l): EtcdLeaseRow => {
          const leftMs = Math.max(0, l.expiresAt - n.localNow);
          return { id: l.id, owner: l.owner, ttlMs: l.ttlMs, leftMs, fraction: l.ttlMs > 0 ? Math.min(1, leftMs / l.ttlMs) : 0, keys: keys.filter((k) => k.lease === l.id).map((k) => k.key) };
        });
      return { id: n.id, status: n.status, revision: s.revision, keys, leases };
    });
}

declare module '../contract/pictures' {
  interface PictureModels {
    'etcd-keys': readonly EtcdView[];
  }
}
