/**
 * The lock labs' node kinds: Redis servers, lock clients (single instance or RedLock, by how many
 * servers the run has) and the storage the lock protects.
 */
export { lockClientProtocol } from './client';
export { redisProtocol } from './redisServer';
export { storageProtocol } from './storage';
export type { ClientPersisted, RedisPersisted, StoragePersisted } from './out';

export { DEFAULTS, STORAGE_ID, VARIANTS, driftMs, quorumOf } from './config';
export { LOCK_KEY } from './types';
export type * from './types';
