/**
 * The etcd mutex lab: clients take one lock with concurrency.Mutex on a single etcd member. Each
 * waits its turn by create revision under the prefix `L/`, keeps its session's lease alive while
 * it holds, and writes to a storage node under its key's create revision as a fencing token; as
 * the seed article writes EtcdLock (a context that ends the keepalive, a TryLock that leaks its
 * Lock) and hardened.
 */
import { etcdMutexClientProtocol, ETCD_ID } from '../../protocols/etcd';
import type { ProductLab } from '../contract/lab';
import { etcdLabShared } from '../locks/define';
import { ETCD_MUTEX_PARAMS, lockTopologyWith } from '../locks/params';
import { ETCD_MUTEX_SCENARIOS } from './scenarios';

export const etcdMutexLab: ProductLab<'etcd-mutex'> = {
  id: 'etcd-mutex',
  area: 'locks',
  title: 'etcd mutex',
  summary: 'concurrency.Mutex on etcd: sessions with a lease, waiting in create-revision order, the revision as a fencing token, and the article’s TryLock that leaks its lock.',
  params: ETCD_MUTEX_PARAMS,
  topology: (params) => lockTopologyWith(params, [{ id: ETCD_ID, kind: 'etcd' }]),
  scenarios: ETCD_MUTEX_SCENARIOS,
  ...etcdLabShared(etcdMutexClientProtocol, true),
};
