/**
 * Golden transcripts of the etcd lock labs: each scenario's story, compared with
 * tests/etcd/testdata/LAB-SCENARIO.txt. When a change is meant, rewrite them with
 * `UPDATE_GOLDEN=1 npx vitest run tests/etcd/golden.test.ts` and review the diff.
 *
 * Every fact is there, one a line (about 200 lines at most a scenario): sessions and leases
 * granted, kept alive, stopped, expired; keys put, queued behind, deleted; acquisitions and the
 * storage's writes with their tokens. Each is a step of the story, and their order is what the
 * lock is about. So are the faults, client operations and violations. Messages, drops and timers
 * are left out: the facts say what they did, and the trace digests (tests/traceDigests.test.ts)
 * catch any other change.
 */
import { etcdMutexLab } from '../../src/labs/etcd-mutex/lab';
import { etcdTxnLockLab } from '../../src/labs/etcd-txn-lock/lab';
import { describeGoldenTranscripts } from '../golden';
import { headedTranscript } from '../transcript';

describeGoldenTranscripts([etcdMutexLab, etcdTxnLockLab], new URL('./testdata/', import.meta.url), headedTranscript);
