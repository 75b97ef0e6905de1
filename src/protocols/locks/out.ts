/**
 * What the lock nodes share in a step: the step in progress (`o`, see ../define.ts) over this
 * package's messages, and what each kind keeps across a crash.
 */
import type { Step } from '../define';
import type { Persisted } from '../effects';
import type { ClientState, LockMessage, RedisState, StorageState } from './types';

export { update } from '../define';
export { cancelTimer, fact, persist, result, send, setTimer } from '../effects';

export type Out<S, P extends Persisted = Persisted> = Step<S, LockMessage, P>;

/** A client keeps how many holds it had, so a restarted one never reuses a hold's number. */
export type ClientPersisted = { readonly holds: number };
/** A Redis server with persistence on keeps its keys and counters (like appendfsync always). */
export type RedisPersisted = { readonly keyspace: RedisState };
/** The storage keeps what it accepted, the fencing high-water mark included. */
export type StoragePersisted = { readonly record: StorageState };

export type ClientOut = Out<ClientState, ClientPersisted>;
export type RedisOut = Out<RedisState, RedisPersisted>;
export type StorageOut = Out<StorageState, StoragePersisted>;
