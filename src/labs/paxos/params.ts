/** The Paxos labs' parameters and their topology: n1..nA are acceptors and learners; n1..nP also propose. */
import type { NodeSpec } from '../../sim/node';
import type { ParamSpec, Params } from '../../sim/params';

export const ACCEPTORS: ParamSpec = { name: 'acceptors', label: 'Acceptors', kind: 'int', min: 3, max: 9, default: 5 };
export const PERSISTENCE: ParamSpec = { name: 'acceptorPersistence', label: 'Acceptor storage', kind: 'enum', options: ['durable', 'forgetful'], default: 'durable' };
export const PHASE_TIMEOUT: ParamSpec = { name: 'phaseTimeoutMs', label: 'Phase timeout', kind: 'number', min: 10, max: 10_000, default: 100, unit: 'ms' };
/** Proposers are some of the acceptors, so there are never more of them. */
const proposers = (defaultCount: number): ParamSpec => ({ name: 'proposers', label: 'Proposers', kind: 'int', min: 1, max: 9, default: defaultCount, atMost: 'acceptors' });
/** The article's proposer has no phase timeout and retries at once, so these do nothing there. */
const HARDENED_ONLY = ['hardened'];

export const PAXOS_PARAMS: readonly ParamSpec[] = [
  ACCEPTORS,
  proposers(2),
  { name: 'autoProposeMs', label: 'Built-in client (0: off)', kind: 'int', min: 0, max: 60_000, default: 1000, unit: 'ms' },
  { ...PHASE_TIMEOUT, variants: HARDENED_ONLY },
  { name: 'backoff', label: 'Backoff', kind: 'enum', options: ['randomized', 'none'], default: 'randomized', variants: HARDENED_ONLY },
  { name: 'backoffMs', label: 'Backoff base', kind: 'number', min: 1, max: 10_000, default: 40, unit: 'ms', variants: HARDENED_ONLY },
  PERSISTENCE,
];

export const MULTI_PAXOS_PARAMS: readonly ParamSpec[] = [
  ACCEPTORS,
  proposers(3),
  { name: 'heartbeatMs', label: 'Heartbeat', kind: 'number', min: 5, max: 10_000, default: 50, unit: 'ms' },
  { name: 'leaderTimeoutMs', label: 'Leader timeout', kind: 'number', min: 20, max: 60_000, default: 300, unit: 'ms' },
  PHASE_TIMEOUT,
  { name: 'clientIntervalMs', label: 'Built-in client (0: off)', kind: 'int', min: 0, max: 60_000, default: 200, unit: 'ms' },
  { name: 'maxSlots', label: 'Log slots', kind: 'int', min: 10, max: 1000, default: 200 },
  PERSISTENCE,
];

/** Acceptors n1..nA; the first P of them (P at most A, `atMost` sees to it) are proposers as well. */
export function paxosTopology(params: Params): NodeSpec[] {
  const acceptors = Number(params['acceptors']);
  const proposing = Number(params['proposers']);
  return Array.from({ length: acceptors }, (_, i) => ({ id: `n${i + 1}`, kind: i < proposing ? 'proposer' : 'acceptor' }));
}
