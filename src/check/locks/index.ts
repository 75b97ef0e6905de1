/** The invariant checkers of the lock labs. */
import type { Checker } from '../../sim/checker';
import { fencingChecker } from './fencing';
import { mutualExclusionChecker } from './mutualExclusion';
import { ownValueChecker } from './ownValue';

export { fencingChecker, mutualExclusionChecker, ownValueChecker };

/** Mutual exclusion and own-value always; the fencing rule when the storage checks tokens. */
export function lockCheckers(fencing: boolean): Checker[] {
  const all: Checker[] = [mutualExclusionChecker, ownValueChecker];
  return fencing ? [...all, fencingChecker] : all;
}
