/**
 * The Redis server node: runs the clients' commands on its keyspace by its own local clock,
 * reports every change as a fact, and with `persistence` on writes its keyspace to disk after
 * every change (like appendfsync always), so a restart brings the keys and counters back. With
 * persistence off a restart comes back empty: the fencing counter starts again at 0 and a lock
 * some client holds is simply gone.
 */
import { assert, notAddressedTo } from '../assert';
import { defineProtocol } from '../define';
import { flag } from './config';
import { applyCommand, EMPTY_KEYSPACE, expiredKeys, isLive, withoutKey, type Change } from './keyspace';
import { fact, persist, result, send, setTimer, update, type RedisOut, type RedisPersisted } from './out';
import type { ClientToRedis, Entry, LockMessage, RedisState } from './types';

const EXPIRY_TIMER = 'expire:';
/** The kernel's time step: one microsecond. */
const MIN_WAIT_MS = 0.001;

function saveKeyspace(o: RedisOut): void {
  // A copy: the step goes on writing its own state after this.
  if (flag(o.ctx, 'persistence', true)) persist(o, 'keyspace', { ...o.s });
}

/** A timer at the key's expiry, so the lapse shows as a fact when it happens (commands check expiry themselves). */
function armExpiry(o: RedisOut, key: string, entry: Entry): void {
  if (entry.expiresAt !== null) setTimer(o, EXPIRY_TIMER + key, entry.expiresAt - o.ctx.now);
}

function ttlOf(entry: Entry, now: number): number | null {
  return entry.expiresAt === null ? null : Math.round((entry.expiresAt - now) * 1000) / 1000;
}

function report(o: RedisOut, change: Change): void {
  const { key, entry } = change;
  const base = { lock: key, value: entry.value, owner: entry.owner };
  switch (change.kind) {
    case 'set':
      fact(o, { kind: 'set', ...base, token: change.token, ttlMs: ttlOf(entry, o.ctx.now) });
      return armExpiry(o, key, entry);
    case 'extended':
      fact(o, { kind: 'extended', ...base, by: change.by, ttlMs: ttlOf(entry, o.ctx.now) });
      return armExpiry(o, key, entry);
    case 'deleted':
      return fact(o, { kind: 'deleted', ...base, by: change.by, how: change.how });
    case 'raised':
      return fact(o, { kind: 'raised', ...base, token: change.token });
  }
}

/** Drops the keys that lapsed by now, each with an `expired` fact. */
function expireLapsed(o: RedisOut): void {
  const lapsed = expiredKeys(o.s, o.ctx.now);
  for (const key of lapsed) {
    const entry = o.s.keys[key] as Entry;
    update(o, withoutKey(o.s, key));
    fact(o, { kind: 'expired', lock: key, value: entry.value, owner: entry.owner });
  }
  if (lapsed.length > 0) saveKeyspace(o);
}

function runCommand(o: RedisOut, from: string, m: ClientToRedis): void {
  expireLapsed(o);
  const applied = applyCommand(o.s, m.cmd, from, o.ctx.now);
  update(o, applied.state);
  if (applied.change !== null) {
    saveKeyspace(o);
    report(o, applied.change);
  }
  send(o, from, { type: 'reply', rid: m.rid, result: applied.result });
}

/** What the server came back with: the views restore each key and its owner from this (a restart with persistence keeps the lock). */
function onStart(o: RedisOut): void {
  const entries = Object.entries(o.s.keys).map(([key, entry]) => ({ lock: key, value: entry.value, owner: entry.owner, ttlMs: ttlOf(entry, o.ctx.now) }));
  fact(o, { kind: 'keyspace', keys: entries.length, entries });
  expireLapsed(o);
  for (const [key, entry] of Object.entries(o.s.keys)) armExpiry(o, key, entry);
}

function onExpiryTimer(o: RedisOut, key: string): void {
  const entry = o.s.keys[key];
  if (entry === undefined) return;
  // The clock may have been set back since the timer was armed: then the key lives on. Virtual
  // time is kept to whole microseconds, so wait at least one or the timer could fire at once forever.
  if (isLive(entry, o.ctx.now)) return setTimer(o, EXPIRY_TIMER + key, Math.max(MIN_WAIT_MS, (entry.expiresAt ?? o.ctx.now) - o.ctx.now));
  expireLapsed(o);
}

function onMessage(o: RedisOut, from: string, m: LockMessage): void {
  if (m.type === 'cmd') return runCommand(o, from, m);
  notAddressedTo('Redis server', m.type);
}

/** What holds after every step; `given` is the state the step began with (none at a start). */
function invariants(o: RedisOut, given: RedisState | undefined): void {
  if (given === undefined) return;
  for (const [key, counter] of Object.entries(given.counters)) {
    assert((o.s.counters[key] ?? 0) >= counter, "locks: a Redis server's fencing counter never goes down while it runs");
  }
}

export const redisProtocol = defineProtocol<RedisState, LockMessage, RedisPersisted>({
  kind: 'redis',
  initial: (persisted) => persisted?.keyspace ?? EMPTY_KEYSPACE,
  onStart: (_persisted, o) => onStart(o),
  onMessage,
  onTimer(o, name) {
    if (name.startsWith(EXPIRY_TIMER)) onExpiryTimer(o, name.slice(EXPIRY_TIMER.length));
  },
  onCommand(o, opId) {
    result(o, opId, false, 'a Redis server takes no commands from the page; crash and restart it instead');
  },
  invariants,
});
