/** How the worker pool looks: running, stopping or stopped, with its queue and busy workers. */
import type { PoolState } from '../../protocols/traffic';
import type { NodeLook } from '../contract/look';
import { CLIENT_ROLES, lookWith } from '../traffic/look';

export const WORKER_POOL_ROLES = [...CLIENT_ROLES, 'running', 'stopping', 'stopped', 'paused', 'down'] as const;

function poolLook(s: PoolState): NodeLook {
  const busy = s.workers.filter((w) => w.task !== null).length;
  const detail = `queue ${s.queue.length} · ${busy}/${s.workers.length} busy · ${s.done} done`;
  return { role: s.stopped ? 'stopped' : s.stopping ? 'stopping' : 'running', detail };
}

export const workerPoolLook = lookWith(['pool'], poolLook, { role: 'running', detail: '' });
