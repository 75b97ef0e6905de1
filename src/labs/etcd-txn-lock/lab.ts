/**
 * The etcd transaction lock lab: clients take one lock key with a lease and a transaction
 * guarded by `Version(L) = 0`, retry when it is held, and unlock with a guarded delete and a
 * revoke; as the seed article writes EtcdTransactionLock (a keepalive that ends with the Lock
 * call's context, one constant value for everyone) and hardened.
 */
import { etcdTxnClientProtocol, ETCD_ID } from '../../protocols/etcd';
import type { ProductLab } from '../contract/lab';
import { etcdLabShared } from '../locks/define';
import { ETCD_LOCK_PARAMS, lockTopologyWith } from '../locks/params';
import { ETCD_TXN_SCENARIOS } from './scenarios';

export const etcdTxnLockLab: ProductLab<'etcd-txn-lock'> = {
  id: 'etcd-txn-lock',
  area: 'locks',
  title: 'etcd transaction lock',
  summary: 'A lock key put by a transaction with a lease: a keepalive that ends with the Lock context, a constant value that unlocks another client’s lock, and the revision as a fencing token.',
  params: ETCD_LOCK_PARAMS,
  topology: (params) => lockTopologyWith(params, [{ id: ETCD_ID, kind: 'etcd' }]),
  scenarios: ETCD_TXN_SCENARIOS,
  ...etcdLabShared(etcdTxnClientProtocol, false),
};
