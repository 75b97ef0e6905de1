/** Picking facts and results out of a recorded trace, for the Raft tests. */
import type { Json } from '../../src/sim/json';
import type { TraceEvent } from '../../src/sim/trace';

export type FactEvent = { t: number; node: string; kind: string; [key: string]: Json };

export function factsOf(events: readonly TraceEvent[], kind?: string, node?: string): FactEvent[] {
  return events.flatMap((e) => {
    if (e.type !== 'output' || (kind !== undefined && e.fact['kind'] !== kind) || (node !== undefined && e.node !== node)) return [];
    return [{ ...e.fact, t: e.t, node: e.node, kind: String(e.fact['kind']) }];
  });
}

export function violationsOf(events: readonly TraceEvent[]): Extract<TraceEvent, { type: 'violation' }>[] {
  return events.filter((e): e is Extract<TraceEvent, { type: 'violation' }> => e.type === 'violation');
}

export function resultOf(events: readonly TraceEvent[], opId: string): Extract<TraceEvent, { type: 'ok' | 'fail' }> | undefined {
  return events.find((e): e is Extract<TraceEvent, { type: 'ok' | 'fail' }> => (e.type === 'ok' || e.type === 'fail') && e.opId === opId);
}

export function opIdOf(events: readonly TraceEvent[], node: string, at: number): string {
  const invoke = events.find((e) => e.type === 'invoke' && e.node === node && e.t === at);
  if (invoke === undefined || invoke.type !== 'invoke') throw new Error(`no client operation at ${node} at ${at} ms`);
  return invoke.opId;
}
