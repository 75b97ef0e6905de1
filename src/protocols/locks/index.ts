/**
 * The lock labs' node kinds: Redis servers, lock clients (single instance or RedLock, by how many
 * servers the run has) and the storage the lock protects.
 */
import type { Protocol } from '../../sim/node';
import { clientStep } from './client';
import { redisStep } from './redisServer';
import { storageStep } from './storage';
import type { ClientState, RedisState, StorageState } from './types';

export const redisProtocol: Protocol<RedisState> = { kind: 'redis', step: redisStep };
export const lockClientProtocol: Protocol<ClientState> = { kind: 'client', step: clientStep };
export const storageProtocol: Protocol<StorageState> = { kind: 'storage', step: storageStep };

export { DEFAULTS, STORAGE_ID, VARIANTS, driftMs, quorumOf } from './config';
export { LOCK_KEY } from './types';
export type * from './types';
