/** The invariant checkers of the Paxos labs. */
import type { Checker } from '../../sim/checker';
import { agreementChecker } from './agreement';
import { applyOrderChecker } from './applyOrder';
import { promiseKeptChecker } from './promiseKept';
import { validityChecker } from './validity';

export { agreementChecker, applyOrderChecker, promiseKeptChecker, validityChecker };

/** Single-decree Paxos: agreement, validity and promises kept, over `acceptors` acceptors. */
export function paxosCheckers(acceptors: number): Checker[] {
  return [agreementChecker(acceptors), validityChecker(false), promiseKeptChecker].map((c) => c as unknown as Checker);
}

/** Multi-Paxos: the same per slot (no-ops allowed), and learners apply in slot order. */
export function multiPaxosCheckers(acceptors: number): Checker[] {
  return [agreementChecker(acceptors), validityChecker(true), promiseKeptChecker, applyOrderChecker].map((c) => c as unknown as Checker);
}
