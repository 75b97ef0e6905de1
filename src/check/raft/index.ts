/**
 * The Raft lab's live checkers (Raft paper §5, Figure 3, and two rules about what a node must
 * keep across a restart). Each sees every trace event and the nodes' current states; several
 * update their plain-data state in place, which is safe because the kernel keeps only the state
 * a checker returns and a checkpoint copies it.
 */
import type { Checker } from '../../sim/checker';
import { commitBounds } from './commitBounds';
import { electionSafety } from './electionSafety';
import { leaderAppendOnly } from './leaderAppendOnly';
import { leaderCompleteness } from './leaderCompleteness';
import { logMatching } from './logMatching';
import { oneVotePerTerm } from './oneVotePerTerm';
import { stateMachineSafety } from './stateMachineSafety';
import { termMonotonic } from './termMonotonic';

export function raftCheckers(): Checker[] {
  return [electionSafety, leaderAppendOnly, logMatching, leaderCompleteness, stateMachineSafety, termMonotonic, oneVotePerTerm, commitBounds];
}

export { commitBounds, electionSafety, leaderAppendOnly, leaderCompleteness, logMatching, oneVotePerTerm, stateMachineSafety, termMonotonic };
