/**
 * The lock labs' node decoration in the cluster view (pure): a Redis server's key, or the lease of
 * the etcd lock's owner, as an arc of the time to live it has left by that server's own clock, so
 * a server whose clock jumps or runs fast shows its lock running out early.
 */
import type { NodeFrame } from '../../runtime/frame';
import type { NodeDecoration } from '../contract/decoration';
import { etcdKeysModel } from './etcdKeysModel';
import { redisKeysModel } from './redisKeysModel';

/** The etcd server: the lock owner's lease as an arc of the time it has left by the server's own clock. */
function etcdDecoration(node: NodeFrame): NodeDecoration | null {
  const v = etcdKeysModel([node])[0];
  const owner = v?.keys.find((k) => k.owns);
  const lease = owner === undefined ? undefined : v?.leases.find((l) => l.id === owner.lease);
  if (v === undefined || owner === undefined || lease === undefined) return null;
  return { arc: lease.fraction, line: null, description: `lock owned by ${owner.owner} (${owner.key}, create revision ${owner.createRevision}), lease ${lease.id} with ${Math.round(lease.leftMs)} ms left by the server’s own clock` };
}

export function lockDecoration(node: NodeFrame): NodeDecoration | null {
  if (node.kind === 'etcd' && node.status !== 'down') return etcdDecoration(node);
  if (node.kind !== 'redis' || node.status === 'down') return null;
  const row = redisKeysModel([node])[0];
  if (row === undefined || row.owner === null || row.fraction === null) return null;
  const left = row.leftMs === null ? '' : `, ${Math.round(row.leftMs)} ms left by its own clock`;
  return { arc: row.fraction, line: null, description: `lock key held by ${row.owner}${left}` };
}
