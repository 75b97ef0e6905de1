/**
 * The seed article's circuit breaker as a statechart, transition for transition:
 *
 * - Open → half-open happens inside `Allow` once `resetTimeout` has passed since the last
 *   failure, and that call is let through without being counted in `halfOpenCalls`; the next
 *   `halfOpenMaxCalls` calls are counted and let through too, so one more than configured passes.
 * - Half-open closes after `halfOpenMaxCalls / 2` successes (integer division: 2 of 5).
 * - Every failure, even a late one while already open, moves `lastFailureTime`, which keeps the
 *   breaker open longer; a late success while open is ignored. There are no generations, so the
 *   outcome of a call let through in an earlier state counts in the current one.
 */
import { assign, setup } from 'xstate';
import type { BreakerContext, BreakerEvent } from './breakerTypes';

export const articleBreakerMachine = setup({
  types: { context: {} as BreakerContext, events: {} as BreakerEvent, input: {} as BreakerContext },
  guards: {
    resetTimeoutPassed: ({ context, event }) => event.now - context.openedAt > context.resetTimeoutMs,
    halfOpenFull: ({ context }) => context.halfOpenCalls >= context.halfOpenMaxCalls,
    tripsNow: ({ context }) => context.failures + 1 >= context.maxFailures,
    closesNow: ({ context }) => context.successes + 1 >= Math.floor(context.halfOpenMaxCalls / 2),
  },
  actions: {
    admit: assign({ admitted: true }),
    refuse: assign({ admitted: false }),
    countHalfOpenCall: assign({ halfOpenCalls: ({ context }) => context.halfOpenCalls + 1, admitted: true }),
    recordFailure: assign({ failures: ({ context }) => context.failures + 1, openedAt: ({ event }) => event.now }),
    clearFailures: assign({ failures: 0 }),
    countSuccess: assign({ successes: ({ context }) => context.successes + 1 }),
    resetOnClose: assign({ failures: 0, successes: 0 }),
    resetSuccesses: assign({ successes: 0 }),
    enterHalfOpen: assign({ halfOpenCalls: 0, admitted: true }),
    nextGeneration: assign({ generation: ({ context }) => context.generation + 1 }),
  },
}).createMachine({
  id: 'articleBreaker',
  initial: 'closed',
  context: ({ input }) => input,
  states: {
    closed: {
      on: {
        REQUEST: { actions: 'admit' },
        SUCCESS: { actions: 'clearFailures' },
        FAILURE: [{ guard: 'tripsNow', target: 'open', actions: ['recordFailure', 'nextGeneration'] }, { actions: 'recordFailure' }],
      },
    },
    open: {
      on: {
        REQUEST: [{ guard: 'resetTimeoutPassed', target: 'half-open', actions: ['enterHalfOpen', 'nextGeneration'] }, { actions: 'refuse' }],
        FAILURE: { actions: 'recordFailure' },
      },
    },
    'half-open': {
      on: {
        REQUEST: [{ guard: 'halfOpenFull', actions: 'refuse' }, { actions: 'countHalfOpenCall' }],
        SUCCESS: [{ guard: 'closesNow', target: 'closed', actions: ['resetOnClose', 'nextGeneration'] }, { actions: 'countSuccess' }],
        FAILURE: { target: 'open', actions: ['recordFailure', 'resetSuccesses', 'nextGeneration'] },
      },
    },
  },
});
