/**
 * The Redis servers' view model: per server its key (who set it, the value), its fencing counter
 * and how much of its time to live is left by that server's own clock.
 */
import type { NodeFrame } from '../../runtime/frame';
import { LOCK_KEY, type RedisState } from '../../protocols/locks';

export interface RedisKeyRow {
  readonly id: string;
  readonly status: NodeFrame['status'];
  readonly owner: string | null;
  readonly value: string | null;
  readonly counter: number;
  /** Ms left by the server's clock (0 once the key has lapsed but was not yet removed). */
  readonly leftMs: number | null;
  /** `leftMs` over the time to live the key was last given, 0..1. */
  readonly fraction: number | null;
}

function isRedisState(state: unknown): state is RedisState {
  return typeof state === 'object' && state !== null && 'keys' in state && 'counters' in state;
}

export function redisKeysModel(nodes: readonly NodeFrame[]): RedisKeyRow[] {
  return nodes
    .filter((n) => n.kind === 'redis')
    .map((n): RedisKeyRow => {
      const s = isRedisState(n.state) ? n.state : { keys: {}, counters: {} };
      const entry = n.status === 'down' ? undefined : s.keys[LOCK_KEY];
      const counter = s.counters[LOCK_KEY] ?? 0;
      if (entry === undefined) return { id: n.id, status: n.status, owner: null, value: null, counter, leftMs: null, fraction: null };
      const leftMs = entry.expiresAt === null ? null : Math.max(0, entry.expiresAt - n.localNow);
      const fraction = leftMs === null || entry.ttlMs === null || entry.ttlMs <= 0 ? null : Math.min(1, leftMs / entry.ttlMs);
      return { id: n.id, status: n.status, owner: entry.owner, value: entry.value, counter, leftMs, fraction };
    });
}

declare module '../contract/pictures' {
  interface PictureModels {
    'redis-keys': readonly RedisKeyRow[];
  }
}
