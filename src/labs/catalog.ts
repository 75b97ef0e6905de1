/**
 * The one catalogue of labs: the page, its workers and the CLI all find labs here. The product's
 * labs are listed once, in the order a course would take them; their ids make `LabId`, which keys
 * every per-lab table. Test fixture labs are not listed: a test or development build hands them
 * to `LabCatalogue` next to the product's (the page through a Vite module that production builds
 * leave empty, the CLI's tests through their own catalogue).
 */
import type { Json } from '../sim/json';
import type { Protocol } from '../sim/node';
import { circuitBreakerLab } from './circuit-breaker/lab';
import type { LabDefinition, ProductLab } from './contract/lab';
import { degradationLab } from './degradation/lab';
import { etcdMutexLab } from './etcd-mutex/lab';
import { etcdTxnLockLab } from './etcd-txn-lock/lab';
import { multiPaxosLab } from './multi-paxos/lab';
import { paxosLab } from './paxos/lab';
import { raftLab } from './raft/lab';
import { redisLockLab } from './redis-lock/lab';
import { redlockLab } from './redlock/lab';
import { slidingWindowLab } from './sliding-window/lab';
import { tokenBucketLab } from './token-bucket/lab';
import { workerPoolLab } from './worker-pool/lab';

const PRODUCT = [raftLab, paxosLab, multiPaxosLab, redisLockLab, redlockLab, etcdMutexLab, etcdTxnLockLab, tokenBucketLab, slidingWindowLab, circuitBreakerLab, degradationLab, workerPoolLab] as const;

export type LabId = (typeof PRODUCT)[number]['id'];

export const productLabs: readonly ProductLab<LabId>[] = PRODUCT;

/** The labs one build can run, found by id; the workers find a node's protocol through it. */
export class LabCatalogue {
  readonly labs: readonly LabDefinition[];

  constructor(extra: readonly LabDefinition[] = []) {
    this.labs = [...productLabs, ...extra];
    const ids = this.labs.map((lab) => lab.id);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice !== undefined) throw new Error(`two labs have the id "${twice}"`);
  }

  find(id: string): LabDefinition | undefined {
    return this.labs.find((lab) => lab.id === id);
  }

  /** The step function of a node of `kind` in lab `lab`, as a node's worker looks it up. */
  protocol(lab: string, kind: string): Protocol<Json> | undefined {
    return this.find(lab)?.protocols[kind];
  }

  /** "raft, paxos, …": for messages that list what there is. */
  get ids(): string {
    return this.labs.map((lab) => lab.id).join(', ');
  }
}
