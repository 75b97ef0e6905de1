/**
 * The Redis server's keyspace as pure functions: keys with a value, the node that set them and an
 * expiry by the server's own clock. A key whose expiry has passed is gone, whether or not the
 * server has got round to deleting it (Redis's lazy expiry), so a clock that jumps or drifts on
 * one server moves its expiries with it.
 */
import type { NodeId } from '../../sim/node';
import type { Entry, RedisCommand, RedisResult, RedisState } from './types';

export const EMPTY_KEYSPACE: RedisState = { keys: {}, counters: {} };

/** What a command did to a key, for the server's facts; null when it changed nothing. */
export type Change =
  | { readonly kind: 'set'; readonly key: string; readonly entry: Entry; readonly token: number }
  | { readonly kind: 'extended'; readonly key: string; readonly entry: Entry; readonly by: NodeId }
  | { readonly kind: 'raised'; readonly key: string; readonly entry: Entry; readonly token: number }
  | { readonly kind: 'deleted'; readonly key: string; readonly entry: Entry; readonly by: NodeId; readonly how: 'del' | 'cad' | 'expire' | 'pexpire' | 'cae' };

export interface Applied {
  readonly state: RedisState;
  readonly result: RedisResult;
  readonly change: Change | null;
}

export function isLive(entry: Entry | undefined, now: number): entry is Entry {
  return entry !== undefined && (entry.expiresAt === null || entry.expiresAt > now);
}

/** The keys whose expiry has passed at `now`, in key order. */
export function expiredKeys(state: RedisState, now: number): string[] {
  return Object.keys(state.keys)
    .filter((k) => !isLive(state.keys[k], now))
    .sort();
}

export function withoutKey(state: RedisState, key: string): RedisState {
  const { [key]: _gone, ...keys } = state.keys;
  return { ...state, keys };
}

function withKey(state: RedisState, key: string, entry: Entry): RedisState {
  return { ...state, keys: { ...state.keys, [key]: entry } };
}

const unchanged = (state: RedisState, result: RedisResult): Applied => ({ state, result, change: null });

/**
 * Sets a key's time to live, as PEXPIRE and EXPIRE do: a time at or below zero deletes the key
 * (Redis: "a non-positive timeout ... the key will be deleted rather than expired").
 */
function expireIn(state: RedisState, key: string, ms: number, now: number, by: NodeId, how: 'expire' | 'pexpire' | 'cae'): Applied {
  const entry = state.keys[key];
  if (!isLive(entry, now)) return unchanged(state, 0);
  if (ms <= 0) return { state: withoutKey(state, key), result: 1, change: { kind: 'deleted', key, entry, by, how } };
  const next = { ...entry, expiresAt: now + ms, ttlMs: ms };
  return { state: withKey(state, key, next), result: 1, change: { kind: 'extended', key, entry: next, by } };
}

/** Runs one command at the server's local time `now`; `from` is the client that sent it. */
export function applyCommand(state: RedisState, cmd: RedisCommand, from: NodeId, now: number): Applied {
  const entry = state.keys[cmd.key];
  const live = isLive(entry, now);
  switch (cmd.op) {
    case 'set': {
      if (live) return unchanged(state, null);
      const token = (state.counters[cmd.key] ?? 0) + 1;
      const next: Entry = { value: cmd.value, owner: from, expiresAt: now + cmd.pxMs, ttlMs: cmd.pxMs };
      const counted = { ...withKey(state, cmd.key, next), counters: { ...state.counters, [cmd.key]: token } };
      return { state: counted, result: { token }, change: { kind: 'set', key: cmd.key, entry: next, token } };
    }
    case 'get':
      return unchanged(state, live ? entry.value : null);
    case 'del':
      if (!live) return unchanged(state, 0);
      return { state: withoutKey(state, cmd.key), result: 1, change: { kind: 'deleted', key: cmd.key, entry, by: from, how: 'del' } };
    case 'pexpire':
      return expireIn(state, cmd.key, cmd.ms, now, from, 'pexpire');
    case 'expire':
      // EXPIRE takes whole seconds: the lesson of the article's renewal.
      return expireIn(state, cmd.key, Math.trunc(cmd.seconds) * 1000, now, from, 'expire');
    case 'cad':
      if (!live || entry.value !== cmd.value) return unchanged(state, 0);
      return { state: withoutKey(state, cmd.key), result: 1, change: { kind: 'deleted', key: cmd.key, entry, by: from, how: 'cad' } };
    case 'cae': {
      if (!live || entry.value !== cmd.value) return unchanged(state, 0);
      const ms = cmd.ms ?? Math.trunc(cmd.seconds ?? 0) * 1000;
      const applied = expireIn(state, cmd.key, ms, now, from, cmd.ms === undefined ? 'expire' : 'cae');
      return applied;
    }
    case 'raise': {
      if (!live || entry.value !== cmd.value) return unchanged(state, 0);
      if ((state.counters[cmd.key] ?? 0) >= cmd.token) return unchanged(state, 1);
      const raised = { ...state, counters: { ...state.counters, [cmd.key]: cmd.token } };
      return { state: raised, result: 1, change: { kind: 'raised', key: cmd.key, entry, token: cmd.token } };
    }
  }
}
