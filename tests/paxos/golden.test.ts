/**
 * Golden transcripts: each scenario's facts, faults, client operations and violations, compared
 * with tests/paxos/testdata/LAB-SCENARIO.txt. When a change is meant, rewrite them with
 * `UPDATE_GOLDEN=1 npx vitest run tests/paxos/golden.test.ts` and review the diff.
 */
import { multiPaxosLab } from '../../src/labs/multi-paxos/lab';
import { paxosLab } from '../../src/labs/paxos/lab';
import { describeGoldenTranscripts } from '../golden';
import { transcript } from '../transcript';

describeGoldenTranscripts([paxosLab, multiPaxosLab], new URL('./testdata/', import.meta.url), ({ events }) => transcript(events));
