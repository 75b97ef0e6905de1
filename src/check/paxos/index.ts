/** The invariant checkers of the Paxos labs. */
import type { Checker } from '../../sim/checker';
import { agreementChecker } from './agreement';
import { applyOrderChecker } from './applyOrder';
import { promiseKeptChecker } from './promiseKept';
import { validityChecker, type ValidityRules } from './validity';
import { ownCommand, ownValue } from '../../protocols/paxos/values';

export { agreementChecker, applyOrderChecker, promiseKeptChecker, validityChecker };

/** Single-decree Paxos: a proposer without a value proposes its own letter; never a no-op. */
export const SINGLE_DECREE_VALIDITY: ValidityRules = { noopAllowed: false, defaultValue: (node) => ownValue(node) };
/** Multi-Paxos: a leader appends its letter and the slot; a new leader may fill a gap with a no-op. */
export const MULTI_PAXOS_VALIDITY: ValidityRules = { noopAllowed: true, defaultValue: ownCommand };

/** Single-decree Paxos: agreement, validity and promises kept, over `acceptors` acceptors. */
export function paxosCheckers(acceptors: number): Checker[] {
  return [agreementChecker(acceptors), validityChecker(SINGLE_DECREE_VALIDITY), promiseKeptChecker];
}

/** Multi-Paxos: the same per slot (no-ops allowed), and learners apply in slot order. */
export function multiPaxosCheckers(acceptors: number): Checker[] {
  return [agreementChecker(acceptors), validityChecker(MULTI_PAXOS_VALIDITY), promiseKeptChecker, applyOrderChecker];
}
