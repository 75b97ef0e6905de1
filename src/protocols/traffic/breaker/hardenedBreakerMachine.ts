/**
 * A circuit breaker as sony/gobreaker does it: a half-open breaker lets at most
 * `halfOpenMaxCalls` calls through (the one that moved it there included), closes after that many
 * successes in a row, and opens again at the first failure. Every change of state starts a new
 * generation, and an outcome from an earlier generation is ignored: a slow call let through
 * before the breaker opened cannot close it or trip it again.
 */
import { assign, setup } from 'xstate';
import type { BreakerContext, BreakerEvent } from './breakerTypes';

export const hardenedBreakerMachine = setup({
  types: { context: {} as BreakerContext, events: {} as BreakerEvent, input: {} as BreakerContext },
  guards: {
    stale: ({ context, event }) => event.type !== 'REQUEST' && event.generation !== context.generation,
    resetTimeoutPassed: ({ context, event }) => event.now >= context.openedAt + context.resetTimeoutMs,
    halfOpenFull: ({ context }) => context.halfOpenCalls >= context.halfOpenMaxCalls,
    tripsNow: ({ context }) => context.failures + 1 >= context.maxFailures,
    closesNow: ({ context }) => context.successes + 1 >= context.halfOpenMaxCalls,
  },
  actions: {
    admit: assign({ admitted: true }),
    refuse: assign({ admitted: false }),
    countHalfOpenCall: assign({ halfOpenCalls: ({ context }) => context.halfOpenCalls + 1, admitted: true }),
    countFailure: assign({ failures: ({ context }) => context.failures + 1 }),
    clearFailures: assign({ failures: 0 }),
    countSuccess: assign({ successes: ({ context }) => context.successes + 1 }),
    /** A new generation: counts start again from zero. */
    nextGeneration: assign({ generation: ({ context }) => context.generation + 1, failures: 0, successes: 0, halfOpenCalls: 0 }),
    markOpened: assign({ openedAt: ({ event }) => event.now }),
  },
}).createMachine({
  id: 'hardenedBreaker',
  initial: 'closed',
  context: ({ input }) => input,
  states: {
    closed: {
      on: {
        REQUEST: { actions: 'admit' },
        SUCCESS: [{ guard: 'stale' }, { actions: 'clearFailures' }],
        FAILURE: [{ guard: 'stale' }, { guard: 'tripsNow', target: 'open', actions: ['nextGeneration', 'markOpened'] }, { actions: 'countFailure' }],
      },
    },
    open: {
      on: {
        // The call that finds the timeout passed is the first of the half-open calls.
        REQUEST: [{ guard: 'resetTimeoutPassed', target: 'half-open', actions: ['nextGeneration', 'countHalfOpenCall'] }, { actions: 'refuse' }],
      },
    },
    'half-open': {
      on: {
        REQUEST: [{ guard: 'halfOpenFull', actions: 'refuse' }, { actions: 'countHalfOpenCall' }],
        SUCCESS: [{ guard: 'stale' }, { guard: 'closesNow', target: 'closed', actions: 'nextGeneration' }, { actions: 'countSuccess' }],
        FAILURE: [{ guard: 'stale' }, { target: 'open', actions: ['nextGeneration', 'markOpened'] }],
      },
    },
  },
});
