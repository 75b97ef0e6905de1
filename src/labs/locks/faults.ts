/**
 * The faults the lock labs ask the fuzzer for, on top of the common ones: what a lock with a TTL
 * cannot see coming. A client's process pause longer than the TTL (a GC pause), a clock jump or
 * drift on a lock server (its keys expire early or late), and a slow link from a client to the
 * storage (a write sent under the lock lands after it). With them, `fuzz --faults heavy` can
 * find the two holders that fencing tokens are there to stop.
 */
import { STORAGE_ID } from '../../protocols/locks';
import type { LabFaults } from '../../sim/labFaults';
import type { NodeSpec } from '../../sim/node';
import type { Params } from '../../sim/params';

/** Drift rates a server's clock may run at for a spell: from half speed to twice as fast. */
const DRIFT_RATE: readonly [number, number] = [0.5, 2];

export function lockFaults(nodes: readonly NodeSpec[], params: Params): LabFaults {
  const ttlMs = Number(params['ttlMs']);
  const clients = nodes.filter((n) => n.kind === 'client').map((n) => n.id);
  const servers = nodes.filter((n) => n.kind !== 'client' && n.kind !== 'storage').map((n) => n.id);
  return {
    longPauses: { nodes: clients, ms: [ttlMs, 3 * ttlMs] },
    clocks: { nodes: servers, jumpMs: 2 * ttlMs, driftRate: DRIFT_RATE },
    slowLinks: { links: clients.map((c) => [c, STORAGE_ID] as const), ms: [ttlMs / 2, 2 * ttlMs] },
  };
}
