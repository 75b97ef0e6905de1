/** Reading a Paxos scenario's trace; the shared helpers of tests/transcript.ts are here too, for the tests that import them from here. */
import type { TraceEvent } from '../../src/sim/trace';
import { factsOf } from '../transcript';

export { factsOf, runScenario, scenarioOf, transcript, violationsOf, type FactEvent, type ScenarioRun } from '../transcript';

/** Ballots (with their value) accepted by at least `majority` distinct acceptors. */
export function majorityAccepted(events: readonly TraceEvent[], majority: number): string[] {
  const by = new Map<string, Set<string>>();
  for (const { node, fact } of factsOf(events, 'accepted')) {
    const key = `${String(fact['slot'])}:${String(fact['ballot'])}=${String(fact['value'])}`;
    by.set(key, (by.get(key) ?? new Set()).add(node));
  }
  return [...by].filter(([, nodes]) => nodes.size >= majority).map(([key]) => key);
}
