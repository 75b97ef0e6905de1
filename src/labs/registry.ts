/**
 * The labs distlab ships. Each lab lives in its own folder under src/labs and is listed here.
 * (Paxos, traffic control and locks land as their own changes.)
 */
import type { LabDefinition } from '../sim/lab';
import { raftLab } from './raft/raftLab';

export const productLabs: readonly LabDefinition[] = [raftLab];
