/**
 * The etcd lock labs' node kinds: the etcd server, the two lock clients (concurrency.Mutex and
 * the transaction lock) and, from the Redis labs, the storage the lock protects.
 */
import type { Protocol } from '../../sim/node';
import { mutexClientStep } from './mutexClient';
import { etcdStep } from './server';
import { txnClientStep } from './txnClient';
import type { EtcdClientState } from './clientTypes';
import type { EtcdState } from './types';

export const etcdProtocol: Protocol<EtcdState> = { kind: 'etcd', step: etcdStep };
export const etcdMutexClientProtocol: Protocol<EtcdClientState> = { kind: 'client', step: mutexClientStep };
export const etcdTxnClientProtocol: Protocol<EtcdClientState> = { kind: 'client', step: txnClientStep };

export { ARTICLE_VALUE, ETCD_DEFAULTS, ETCD_ID, LOCK_NAME, MUTEX_PREFIX, VARIANTS } from './config';
export type * from './types';
export type * from './clientTypes';
