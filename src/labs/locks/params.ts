/** The lock labs' parameters and topology: clients c1..cN, Redis servers r1..rM, and the storage. */
import { DEFAULTS, STORAGE_ID } from '../../protocols/locks';
import { ETCD_DEFAULTS } from '../../protocols/etcd';
import type { NodeSpec } from '../../sim/node';
import type { ParamSpec, Params } from '../../sim/params';

const CLIENTS: ParamSpec = { name: 'clients', label: 'Clients', kind: 'int', min: 1, max: 6, default: 2 };
const FENCING: ParamSpec = { name: 'fencing', label: 'Fencing tokens', kind: 'boolean', default: true };

export const LOCK_PARAMS: readonly ParamSpec[] = [
  { name: 'ttlMs', label: 'Lock TTL', kind: 'number', min: 50, max: 60_000, default: DEFAULTS.ttlMs, unit: 'ms' },
  { name: 'workMs', label: 'Work per hold', kind: 'number', min: 1, max: 60_000, default: DEFAULTS.workMs, unit: 'ms' },
  { name: 'writes', label: 'Writes per hold', kind: 'int', min: 1, max: 20, default: DEFAULTS.writes },
  { name: 'thinkMs', label: 'Pause between holds', kind: 'number', min: 0, max: 60_000, default: DEFAULTS.thinkMs, unit: 'ms' },
  { name: 'retries', label: 'Attempts per acquire', kind: 'int', min: 1, max: 1000, default: DEFAULTS.retries },
  { name: 'retryDelayMs', label: 'Retry delay', kind: 'number', min: 1, max: 60_000, default: DEFAULTS.retryDelayMs, unit: 'ms' },
  { name: 'requestTimeoutMs', label: 'Request timeout (hardened)', kind: 'number', min: 1, max: 10_000, default: DEFAULTS.requestTimeoutMs, unit: 'ms' },
  // Fencing tokens are a hardened behaviour: the article's Redis lock and RedLock write without them.
  { ...FENCING, variantDefaults: { article: false } },
  { name: 'persistence', label: 'Redis persistence', kind: 'boolean', default: true },
  { name: 'autoStart', label: 'Clients loop by themselves', kind: 'boolean', default: true },
  { name: 'startGapMs', label: 'Start gap between clients', kind: 'number', min: 0, max: 60_000, default: DEFAULTS.startGapMs, unit: 'ms' },
];

export const REDIS_LOCK_PARAMS: readonly ParamSpec[] = [CLIENTS, ...LOCK_PARAMS];

export const REDLOCK_PARAMS: readonly ParamSpec[] = [
  { ...CLIENTS, default: 3 },
  { name: 'servers', label: 'Redis servers', kind: 'int', min: 3, max: 9, default: 5 },
  ...LOCK_PARAMS,
];

/** Clients first, then the servers, then the storage: the order of the cluster ring. */
export function lockTopologyWith(params: Params, servers: readonly NodeSpec[]): NodeSpec[] {
  const clients = Number(params['clients']);
  return [...Array.from({ length: clients }, (_, i) => ({ id: `c${i + 1}`, kind: 'client' })), ...servers, { id: STORAGE_ID, kind: 'storage' }];
}

/** The Redis labs' ring: Redis servers r1..rM. */
export function lockTopology(params: Params, servers: number): NodeSpec[] {
  return lockTopologyWith(params, Array.from({ length: servers }, (_, i) => ({ id: `r${i + 1}`, kind: 'redis' })));
}

const byName = (name: string): ParamSpec => {
  const spec = LOCK_PARAMS.find((p) => p.name === name);
  if (spec === undefined) throw new Error(`no lock parameter ${name}`);
  return spec;
};

/**
 * The etcd labs' parameters: the Redis labs' work, think, retry and fencing settings with etcd's
 * defaults, a lease TTL instead of a key TTL, and the article's context and TryLock wait. No
 * persistence switch: etcd always persists.
 */
export const ETCD_LOCK_PARAMS: readonly ParamSpec[] = [
  CLIENTS,
  { name: 'ttlMs', label: 'Lease TTL', kind: 'number', min: 100, max: 60_000, default: ETCD_DEFAULTS.ttlMs, unit: 'ms' },
  byName('workMs'),
  byName('writes'),
  byName('thinkMs'),
  byName('retries'),
  byName('retryDelayMs'),
  { name: 'requestTimeoutMs', label: 'Request timeout (then sent again)', kind: 'number', min: 5, max: 10_000, default: ETCD_DEFAULTS.requestTimeoutMs, unit: 'ms' },
  { name: 'contextMs', label: 'Lock context timeout (article)', kind: 'number', min: 10, max: 60_000, default: ETCD_DEFAULTS.contextMs, unit: 'ms' },
  FENCING,
  byName('autoStart'),
  byName('startGapMs'),
];

export const ETCD_MUTEX_PARAMS: readonly ParamSpec[] = [
  ...ETCD_LOCK_PARAMS,
  { name: 'tryLockMs', label: 'TryLock wait (article)', kind: 'number', min: 10, max: 60_000, default: ETCD_DEFAULTS.tryLockMs, unit: 'ms' },
];
