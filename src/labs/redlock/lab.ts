/**
 * The RedLock lab: clients take one lock on a majority of independent Redis servers. The
 * article's RedLock counts successes only; the hardened one subtracts the time the acquisition
 * took (validity time), releases everywhere on failure and retries after a random delay.
 */
import type { ProductLab } from '../contract/lab';
import { LOCK_LAB_SHARED } from '../locks/define';
import { lockFaults } from '../locks/faults';
import { lockTopology, REDLOCK_PARAMS } from '../locks/params';
import { REDLOCK_SCENARIOS } from './scenarios';

export const redlockLab: ProductLab<'redlock'> = {
  id: 'redlock',
  area: 'locks',
  title: 'RedLock',
  summary: 'One lock over five Redis servers: quorum, validity time, a clock jump or an empty restart that gives two clients the lock.',
  params: REDLOCK_PARAMS,
  topology: (params) => lockTopology(params, Number(params['servers'])),
  faults: (params) => lockFaults(lockTopology(params, Number(params['servers'])), params),
  scenarios: REDLOCK_SCENARIOS,
  ...LOCK_LAB_SHARED,
};
