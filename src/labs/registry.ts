/**
 * The labs distlab ships. Each lab lives in its own folder under src/labs and is listed here; the
 * landing page groups them by area (src/app/labAreas.ts).
 */
import type { LabDefinition } from '../sim/lab';
import { circuitBreakerLab } from './circuit-breaker/lab';
import { degradationLab } from './degradation/lab';
import { etcdMutexLab } from './etcd-mutex/lab';
import { etcdTxnLockLab } from './etcd-txn-lock/lab';
import { multiPaxosLab } from './multi-paxos/lab';
import { paxosLab } from './paxos/lab';
import { raftLab } from './raft/raftLab';
import { redisLockLab } from './redis-lock/lab';
import { redlockLab } from './redlock/lab';
import { slidingWindowLab } from './sliding-window/lab';
import { tokenBucketLab } from './token-bucket/lab';
import { workerPoolLab } from './worker-pool/lab';

export const productLabs: readonly LabDefinition[] = [raftLab, paxosLab, multiPaxosLab, redisLockLab, redlockLab, etcdMutexLab, etcdTxnLockLab, tokenBucketLab, slidingWindowLab, circuitBreakerLab, degradationLab, workerPoolLab];
