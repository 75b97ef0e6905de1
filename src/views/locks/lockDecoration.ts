/**
 * The lock labs' node decoration in the cluster view (pure): a Redis server's key as an arc of
 * the time to live it has left by that server's own clock, so a server whose clock jumps or
 * runs fast shows its key running out early.
 */
import type { NodeFrame } from '../../runtime/frame';
import type { NodeDecoration } from '../labViews';
import { redisKeysModel } from './redisKeysModel';

export function lockDecoration(node: NodeFrame): NodeDecoration | null {
  if (node.kind !== 'redis' || node.status === 'down') return null;
  const row = redisKeysModel([node])[0];
  if (row === undefined || row.owner === null || row.fraction === null) return null;
  const left = row.leftMs === null ? '' : `, ${Math.round(row.leftMs)} ms left by its own clock`;
  return { arc: row.fraction, line: null, description: `lock key held by ${row.owner}${left}` };
}
