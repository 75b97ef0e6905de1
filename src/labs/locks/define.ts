/** What the two lock labs share: node kinds, checkers, commands and looks. */
import { lockCheckers } from '../../check/locks';
import { lockClientProtocol, redisProtocol, storageProtocol, VARIANTS } from '../../protocols/locks';
import type { LabDefinition } from '../../sim/lab';
import { LOCK_ROLES, lockLook } from './look';

export const LOCK_LAB_SHARED: Pick<LabDefinition, 'variants' | 'roles' | 'protocols' | 'checkers' | 'commands' | 'look'> = {
  variants: VARIANTS,
  roles: LOCK_ROLES,
  protocols: { client: lockClientProtocol, redis: redisProtocol, storage: storageProtocol },
  checkers: (_variant, params) => lockCheckers(params['fencing'] === true),
  commands: [
    { id: 'acquire', label: 'Acquire the lock', cmd: { op: 'acquire' } },
    { id: 'release', label: 'Unlock', cmd: { op: 'release' } },
  ],
  look: lockLook,
};
