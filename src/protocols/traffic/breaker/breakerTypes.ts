/**
 * What both breaker machines share: their context, events and settings. Time arrives in each
 * event (`now`, the node's local clock), never from a timer inside the machine, so the machine
 * runs inside the simulation through XState's pure `transition` and stays deterministic.
 */
export type BreakerStateName = 'closed' | 'open' | 'half-open';
export const BREAKER_STATES: readonly BreakerStateName[] = ['closed', 'open', 'half-open'];

export type BreakerSettings = {
  /** Failures (in a row) that trip a closed breaker. */
  readonly maxFailures: number;
  /** How long an open breaker waits before it lets probes through. */
  readonly resetTimeoutMs: number;
  /** Calls a half-open breaker lets through (the seed's `halfOpenMaxCalls`, 5). */
  readonly halfOpenMaxCalls: number;
};

export type BreakerContext = BreakerSettings & {
  /** Consecutive failures while closed (the seed's `failureCount`, which a success resets). */
  readonly failures: number;
  /** Successes counted toward closing again. */
  readonly successes: number;
  /** Calls let through since the breaker went half-open. */
  readonly halfOpenCalls: number;
  /** Bumped on every change of state; a call's outcome carries the generation it began in. */
  readonly generation: number;
  /** The seed's `lastFailureTime`; the open state waits `resetTimeoutMs` from here. */
  readonly openedAt: number;
  /** Whether the last REQUEST was let through. */
  readonly admitted: boolean;
};

export type BreakerEvent =
  | { readonly type: 'REQUEST'; readonly now: number }
  | { readonly type: 'SUCCESS'; readonly now: number; readonly generation: number }
  | { readonly type: 'FAILURE'; readonly now: number; readonly generation: number };

export function initialContext(settings: BreakerSettings): BreakerContext {
  return { ...settings, failures: 0, successes: 0, halfOpenCalls: 0, generation: 0, openedAt: 0, admitted: false };
}
