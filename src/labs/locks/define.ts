/** What the lock labs share: node kinds, checkers, commands and looks. */
import { lockCheckers } from '../../check/locks';
import { etcdProtocol } from '../../protocols/etcd';
import { lockClientProtocol, redisProtocol, storageProtocol, VARIANTS } from '../../protocols/locks';
import type { LabDefinition } from '../contract/lab';
import type { Protocol } from '../../sim/node';
import { lockDecoration } from './lockDecoration';
import { etcdLockLook, LOCK_ROLES, lockLook } from './look';
import { ETCD_LOCK_PANELS, REDIS_LOCK_PANELS } from './panels';

const ACQUIRE = { id: 'acquire', label: 'Acquire the lock', cmd: { op: 'acquire' }, forKinds: ['client'] };
const RELEASE = { id: 'release', label: 'Unlock', cmd: { op: 'release' }, forKinds: ['client'] };

type Shared = Pick<LabDefinition, 'variants' | 'roles' | 'protocols' | 'checkers' | 'commands' | 'look' | 'networkPresets' | 'panels' | 'decorate'>;

export const LOCK_LAB_SHARED: Shared = {
  variants: VARIANTS,
  roles: LOCK_ROLES,
  protocols: { client: lockClientProtocol, redis: redisProtocol, storage: storageProtocol },
  checkers: (_variant, params) => lockCheckers(params['fencing'] === true),
  commands: [
    { id: 'acquire', label: 'Acquire the lock', cmd: { op: 'acquire' } },
    { id: 'release', label: 'Unlock', cmd: { op: 'release' } },
  ],
  look: lockLook,
  panels: REDIS_LOCK_PANELS,
  decorate: (node) => lockDecoration(node),
  // Clients, lock servers and a storage are no voting group: splitting "the majority" of them or
  // bridging two halves of them means nothing. A person cuts the links that matter one by one.
  networkPresets: [],
};

/** The etcd labs: one etcd server, the lab's own client, the same storage, checkers and roles. */
// Each kind's state type is its own; the host only moves it around as plain data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function etcdLabShared(client: Protocol<any>, tryLock: boolean): Shared {
  const commands = tryLock ? [ACQUIRE, { id: 'trylock', label: 'TryLock', cmd: { op: 'trylock' }, forKinds: ['client'] }, RELEASE] : [ACQUIRE, RELEASE];
  return { ...LOCK_LAB_SHARED, protocols: { client, etcd: etcdProtocol, storage: storageProtocol }, commands, look: etcdLockLook, panels: ETCD_LOCK_PANELS };
}
