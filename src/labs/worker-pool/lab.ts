/**
 * The worker pool lab: clients submit tasks to a pool of N workers with a bounded queue. The
 * article's Stop drops queued tasks; the hardened pool drains them and reports every one.
 */
import { noLostTaskChecker } from '../../check/traffic';
import { clientProtocol, poolProtocol, VARIANTS } from '../../protocols/traffic';
import type { ProductLab } from '../contract/lab';
import { POOL_PANEL } from '../traffic/panels';
import { CLIENT_COMMANDS } from '../traffic/commands';
import { trafficTopology, TRAFFIC_NETWORK_PRESETS } from '../traffic/topology';
import { workerPoolLook, WORKER_POOL_ROLES } from './look';
import { WORKER_POOL_PARAMS } from './params';
import { WORKER_POOL_SCENARIOS } from './scenarios';

export const workerPoolLab: ProductLab<'worker-pool'> = {
  id: 'worker-pool',
  area: 'traffic',
  title: 'Worker pool',
  summary: 'N workers and a bounded queue; failures and panics recovered; the article\'s Stop drops the tasks still queued.',
  variants: VARIANTS,
  params: WORKER_POOL_PARAMS,
  roles: WORKER_POOL_ROLES,
  topology: trafficTopology([{ id: 'pool', kind: 'pool' }], false),
  protocols: { client: clientProtocol(['pool']), pool: poolProtocol },
  checkers: () => [noLostTaskChecker],
  scenarios: WORKER_POOL_SCENARIOS,
  commands: [{ id: 'stop', label: 'Pool: stop', cmd: { op: 'stop' }, forKinds: ['pool'] }, ...CLIENT_COMMANDS],
  look: workerPoolLook,
  networkPresets: TRAFFIC_NETWORK_PRESETS,
  panels: [POOL_PANEL],
};
