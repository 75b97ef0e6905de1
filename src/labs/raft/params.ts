/** The Raft lab's parameters (the network ones come with every lab). */
import { DEFAULT_TIMING } from '../../protocols/raft';
import type { ParamSpec } from '../../sim/params';

export const raftParams: readonly ParamSpec[] = [
  { name: 'nodes', label: 'Nodes', kind: 'int', min: 3, max: 9, default: 5 },
  { name: 'electionTimeoutMsMin', label: 'Election timeout min', kind: 'number', min: 10, max: 10_000, default: DEFAULT_TIMING.electionTimeoutMsMin, unit: 'ms' },
  { name: 'electionTimeoutMsMax', label: 'Election timeout max', kind: 'number', min: 10, max: 20_000, default: DEFAULT_TIMING.electionTimeoutMsMax, unit: 'ms' },
  { name: 'heartbeatMs', label: 'Heartbeat', kind: 'number', min: 5, max: 5_000, default: DEFAULT_TIMING.heartbeatMs, unit: 'ms' },
  { name: 'rpcTimeoutMs', label: 'Vote RPC timeout (article)', kind: 'number', min: 10, max: 10_000, default: DEFAULT_TIMING.rpcTimeoutMs, unit: 'ms' },
  { name: 'clientIntervalMs', label: 'Client put at the leader every (0: off)', kind: 'number', min: 0, max: 10_000, default: DEFAULT_TIMING.clientIntervalMs, unit: 'ms' },
];
