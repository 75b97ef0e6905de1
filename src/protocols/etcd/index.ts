/**
 * The etcd lock labs' node kinds: the etcd server, the two lock clients (concurrency.Mutex and
 * the transaction lock) and, from the Redis labs, the storage the lock protects.
 */
export { etcdMutexClientProtocol } from './mutexClient';
export { etcdProtocol } from './server';
export { etcdTxnClientProtocol } from './txnClient';
export type { EtcdClientPersisted, EtcdServerPersisted } from './out';

export { ARTICLE_VALUE, ETCD_DEFAULTS, ETCD_ID, LOCK_NAME, MUTEX_PREFIX, VARIANTS } from './config';
export type * from './types';
export type * from './clientTypes';
