/**
 * `own-value-only`: an unlock or a renewal acts only on the caller's own lock. Redis (and etcd's
 * value compare) sees values, not clients, so when every client uses the same value (the seed's
 * usage example), one client's unlock deletes, and its renewal extends, a lock another client set.
 */
import type { Checker } from '../../sim/checker';
import type { Json } from '../../sim/json';
import { keyActionOf } from './facts';

/** Redis servers are r1, r2...; any other server (etcd) is named as it is. */
const serverName = (server: string): string => (/^r\d+$/.test(server) ? 'Redis' : server);

export type OwnValueState = { [key: string]: Json };

export const ownValueChecker: Checker<OwnValueState> = {
  rule: 'own-value-only',
  description: 'Unlock and renewal act only on the lock the caller itself set, never on another client’s.',
  init: () => ({}),
  observe(state, event) {
    const a = keyActionOf(event);
    if (a === null || a.by === a.owner) return { state };
    const what = a.kind === 'deleted' ? `deleted (${a.how})` : 'extended';
    return { state, violation: { nodes: [a.by, a.owner], detail: `${a.by} ${what} the lock ${a.owner} set on ${a.server}: both use the same value, so ${serverName(a.server)} cannot tell them apart` } };
  },
};
