/**
 * The Redis lock lab: clients contend for one lock on a single Redis server, renew it while they
 * work, write to a storage node under it, and retry when it is taken; as the seed article writes
 * it and hardened (unique values, PEXPIRE, a holder that knows when it lost, fencing tokens).
 */
import type { ProductLab } from '../contract/lab';
import { LOCK_LAB_SHARED } from '../locks/define';
import { lockFaults } from '../locks/faults';
import { lockTopology, REDIS_LOCK_PARAMS } from '../locks/params';
import { REDIS_LOCK_SCENARIOS } from './scenarios';

export const redisLockLab: ProductLab<'redis-lock'> = {
  id: 'redis-lock',
  area: 'locks',
  title: 'Redis lock',
  summary: 'A lock on one Redis server: SET NX PX, renewal, retries, a GC pause longer than the TTL, and fencing tokens.',
  params: REDIS_LOCK_PARAMS,
  topology: (params) => lockTopology(params, 1),
  faults: (params) => lockFaults(lockTopology(params, 1), params),
  scenarios: REDIS_LOCK_SCENARIOS,
  ...LOCK_LAB_SHARED,
};
