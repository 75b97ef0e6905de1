/**
 * Running a breaker machine inside a step function. XState snapshots hold the machine itself
 * (functions), so they do not survive `structuredClone`; node state keeps only the state's name
 * and the context, plain data, and each step rebuilds the snapshot with `machine.resolveState`
 * and takes one pure `transition`.
 */
import { initialTransition, transition } from 'xstate';
import { articleBreakerMachine } from './articleBreakerMachine';
import { initialContext, type BreakerContext, type BreakerEvent, type BreakerSettings, type BreakerStateName } from './breakerTypes';
import { hardenedBreakerMachine } from './hardenedBreakerMachine';

export type StoredBreaker = { readonly state: BreakerStateName; readonly context: BreakerContext };

/** Both machines have the same context, events and state names; they differ in their transitions. */
export type BreakerMachine = typeof hardenedBreakerMachine;

export function breakerMachine(variant: string): BreakerMachine {
  return (variant === 'article' ? articleBreakerMachine : hardenedBreakerMachine) as BreakerMachine;
}

export function startBreaker(machine: BreakerMachine, settings: BreakerSettings): StoredBreaker {
  const [snapshot] = initialTransition(machine, initialContext(settings));
  return { state: snapshot.value as BreakerStateName, context: snapshot.context };
}

export function sendBreaker(machine: BreakerMachine, stored: StoredBreaker, event: BreakerEvent): StoredBreaker {
  const snapshot = machine.resolveState({ value: stored.state, context: stored.context });
  const [next] = transition(machine, snapshot, event);
  return { state: next.value as BreakerStateName, context: next.context };
}
