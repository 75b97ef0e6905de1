/** How the lock labs' nodes look in the shared views: clients by phase, servers (Redis or etcd) by their key, the storage by its tally. */
import { LOCK_KEY, type ClientState, type RedisState, type StorageState } from '../../protocols/locks';
import type { EtcdClientState, EtcdState } from '../../protocols/etcd';
import type { NodeView } from '../../sim/checker';
import type { NodeLook } from '../contract/look';
import { stateOf } from '../contract/nodeState';

export const LOCK_ROLES = ['holder', 'acquiring', 'waiting', 'idle', 'locked', 'free', 'storage', 'paused', 'down'] as const;

function clientLook(s: ClientState): NodeLook {
  switch (s.phase) {
    case 'holding':
      return { role: 'holder', detail: `token ${s.token ?? '?'} · write ${s.written}` };
    case 'acquiring':
      return { role: 'acquiring', detail: `attempt ${s.attempt} · ${Object.keys(s.granted).length} yes` };
    case 'retry-wait':
      return { role: 'waiting', detail: `retry after attempt ${s.attempt}` };
    default:
      // A Go panic would have ended the process; the lab keeps it and says so until the next cycle.
      if (s.panic !== null && s.panic !== undefined) return { role: 'idle', detail: 'panicked: Unlock twice' };
      return { role: 'idle', detail: s.hold === 0 ? '' : `held ${s.hold}×` };
  }
}

function redisLook(s: RedisState): NodeLook {
  const entry = s.keys[LOCK_KEY];
  const counter = s.counters[LOCK_KEY] ?? 0;
  if (entry === undefined) return { role: 'free', detail: `counter ${counter}` };
  return { role: 'locked', detail: `${entry.owner} · token ${counter}` };
}

function storageLook(s: StorageState): NodeLook {
  const parts = [`✓${s.accepted}`, `✗${s.rejected}`];
  if (s.interleaved > 0) parts.push(`interleaved ${s.interleaved}`);
  return { role: 'storage', detail: parts.join(' ') };
}

export function lockLook(node: NodeView): NodeLook {
  if (node.status !== 'up') return { role: node.status, detail: '' };
  const s = node.state;
  if (s === undefined || s === null) return { role: node.kind === 'storage' ? 'storage' : node.kind === 'redis' ? 'free' : 'idle', detail: '' };
  const client = stateOf<ClientState>(node, 'client');
  if (client !== null) return clientLook(client);
  const redis = stateOf<RedisState>(node, 'redis');
  if (redis !== null) return redisLook(redis);
  const storage = stateOf<StorageState>(node, 'storage');
  return storage === null ? { role: 'idle', detail: '' } : storageLook(storage);
}

/** An etcd lock client: the Redis client's roles, with what its Lock waits for; a TryLock's Lock left running shows too. */
function etcdClientLook(s: EtcdClientState): NodeLook {
  const leaked = s.background?.step === 'held' ? ` · leaked token ${s.background.rev ?? '?'}` : '';
  switch (s.phase) {
    case 'holding':
      return { role: 'holder', detail: `token ${s.token ?? '?'} · write ${s.written}${leaked}` };
    case 'acquiring':
      return { role: 'acquiring', detail: s.main?.behind != null ? `behind ${s.main.behind}` : `attempt ${s.attempt}` };
    case 'retry-wait':
      return { role: 'waiting', detail: `retry after attempt ${s.attempt}` };
    default:
      return { role: leaked === '' ? 'idle' : 'holder', detail: leaked === '' ? (s.hold === 0 ? '' : `held ${s.hold}×`) : leaked.slice(3) };
  }
}

function etcdServerLook(s: EtcdState): NodeLook {
  const keys = Object.values(s.keys);
  if (keys.length === 0) return { role: 'free', detail: `rev ${s.revision}` };
  const owner = keys.reduce((a, b) => (b.createRevision < a.createRevision ? b : a));
  return { role: 'locked', detail: `${owner.owner} · rev ${s.revision}` };
}

export function etcdLockLook(node: NodeView): NodeLook {
  if (node.status !== 'up') return { role: node.status, detail: '' };
  const s = node.state;
  if (s === undefined || s === null) return { role: node.kind === 'storage' ? 'storage' : node.kind === 'etcd' ? 'free' : 'idle', detail: '' };
  const client = stateOf<EtcdClientState>(node, 'client');
  if (client !== null) return etcdClientLook(client);
  const etcd = stateOf<EtcdState>(node, 'etcd');
  if (etcd !== null) return etcdServerLook(etcd);
  const storage = stateOf<StorageState>(node, 'storage');
  return storage === null ? { role: 'idle', detail: '' } : storageLook(storage);
}
