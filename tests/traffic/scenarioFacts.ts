/** Reading a traffic scenario's trace: decisions, admitted rates, state changes. */
import type { JsonObject } from '../../src/sim/json';
import type { Simulation } from '../../src/sim/simulation';
import type { TraceEvent } from '../../src/sim/trace';
import { factsOf, type FactEvent } from '../paxos/scenarioRun';

export function decisions(events: readonly TraceEvent[], node?: string): FactEvent[] {
  return factsOf(events, 'decision').filter((f) => node === undefined || f.node === node);
}

export function admitted(events: readonly TraceEvent[], node?: string): FactEvent[] {
  return decisions(events, node).filter((f) => f.fact['allowed'] === true);
}

/**
 * Each decision of `node` with what woke the node to make it: "message Request" when a request
 * arrived, "timer deadline" (the timer's name up to its colon) when a timer fired.
 */
export function decisionTriggers(events: readonly TraceEvent[], node: string): { t: number; fact: JsonObject; trigger: string }[] {
  const msgTypes = new Map<number, string>();
  const found: { t: number; fact: JsonObject; trigger: string }[] = [];
  let trigger = '';
  for (const e of events) {
    if (e.type === 'send') msgTypes.set(e.msgId, String(e.msg['type']));
    else if (e.type === 'deliver' && e.to === node) trigger = `message ${msgTypes.get(e.msgId) ?? '?'}`;
    else if (e.type === 'timer' && e.node === node) trigger = `timer ${e.name.split(':')[0] ?? ''}`;
    else if (e.type === 'output' && e.node === node && e.fact['kind'] === 'decision') found.push({ t: e.t, fact: e.fact, trigger });
  }
  return found;
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
