/** The invariant checkers of the traffic-control labs. */
export { bucketBoundChecker, type BucketBound } from './bucketBound';
export { halfOpenLimitChecker } from './halfOpenLimit';
export { noLostTaskChecker } from './noLostTask';
export { windowLimitChecker, type WindowLimit } from './windowLimit';
