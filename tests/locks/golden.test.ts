/**
 * Golden transcripts of the Redis lock labs: each scenario's story, compared with
 * tests/locks/testdata/LAB-SCENARIO.txt. When a change is meant, rewrite them with
 * `UPDATE_GOLDEN=1 npx vitest run tests/locks/golden.test.ts` and review the diff.
 *
 * Every fact is there, one a line (under a hundred lines a scenario): each one is a step of
 * the story (a SET won, a renewal, a key that expired, a write and whether the storage took it),
 * and the order of acquisitions, expiries and writes is what the lock is about. So are the faults
 * (pauses, clock jumps, delays, partitions, crashes), client operations and violations. Messages,
 * drops and timers are left out: the facts say what they did, and the trace digests
 * (tests/traceDigests.test.ts) catch any other change.
 */
import { redisLockLab } from '../../src/labs/redis-lock/lab';
import { redlockLab } from '../../src/labs/redlock/lab';
import { describeGoldenTranscripts } from '../golden';
import { headedTranscript } from '../transcript';

describeGoldenTranscripts([redisLockLab, redlockLab], new URL('./testdata/', import.meta.url), headedTranscript);
