/**
 * The traffic-control mechanisms of the seed's high-concurrency section as distlab protocols:
 * clients with load shapes, a backend, and the gates between them (token bucket, window
 * limiters, circuit breaker, degradation, worker pool), each with its article and hardened variant.
 */
export { backendProtocol, type BackendState } from './backend/backend';
export { breakerProtocol, breakerSettings, STATE_LEVEL, type BreakerNodeState } from './breaker/breakerNode';
export { breakerMachine, type StoredBreaker } from './breaker/breakerRun';
export { BREAKER_STATES, type BreakerStateName } from './breaker/breakerTypes';
export { clientProtocol, type ClientState } from './client/client';
export { LOAD_SHAPES } from './client/loadShape';
export { isArticle, VARIANTS } from './config';
export { degradeProtocol, readingOf, thresholds, type DegradeNodeState } from './degradation/degradeNode';
export { BIN_MS, CODE, countSince, HISTORY_SPAN_MS, isOutcome, type GateRecord, type HistoryPoint, type RateBin } from './gate/history';
export { bucketConfig, tokenBucketProtocol, type BucketNodeState } from './limiter/bucketNode';
export { windowConfig, windowProtocol, type WindowNodeState } from './limiter/windowNode';
export { levelAt, previousWeight, roll, type KeyWindow, type WindowAlgorithm, type WindowConfig } from './limiter/windows';
export { poolProtocol } from './pool/poolNode';
export { LANE_SPAN_MS, type PoolState } from './pool/poolTypes';
export { ALL_KEY, BACKEND_ID } from './types';
