/** Reading a traffic scenario's trace: decisions, admitted rates, state changes. */
import type { Simulation } from '../../src/sim/simulation';
import type { TraceEvent } from '../../src/sim/trace';
import { factsOf, type FactEvent } from '../paxos/scenarioRun';

export function decisions(events: readonly TraceEvent[], node?: string): FactEvent[] {
  return factsOf(events, 'decision').filter((f) => node === undefined || f.node === node);
}

export function admitted(events: readonly TraceEvent[], node?: string): FactEvent[] {
  return decisions(events, node).filter((f) => f.fact['allowed'] === true);
}

/** Requests let through per second between `fromMs` and `toMs`. */
export function admittedRate(events: readonly TraceEvent[], fromMs: number, toMs: number, node?: string): number {
  return admitted(events, node).filter((f) => f.t >= fromMs && f.t < toMs).length / ((toMs - fromMs) / 1000);
}

/** Changes of breaker state as "state@ms", rounded. */
export function breakerStates(events: readonly TraceEvent[]): { state: string; t: number }[] {
  return factsOf(events, 'breaker').map((f) => ({ state: String(f.fact['state']), t: f.t }));
}

/** The clients' answers: ok values' `result`, or "fail". */
export function outcomes(events: readonly TraceEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'ok' && typeof e.value === 'object' && e.value !== null && 'result' in e.value ? [String(e.value['result'])] : e.type === 'fail' ? ['fail'] : []));
}

/** A node's state at the end of a run, as its protocol's type. */
export function stateOf<S>(run: { readonly sim: Simulation }, id: string): S {
  return run.sim.world.nodes[id]?.state as unknown as S;
}
