/** Reading the Paxos facts (docs/trace-format.md, "paxos") out of trace events. */
import type { JsonObject } from '../../sim/json';
import type { TraceEvent } from '../../sim/trace';

export type PaxosValue = string | null;

/** The fact of an `output` event of the given kind, with the node that reported it, or null. */
export function factOf(event: TraceEvent, kind: string): { readonly node: string; readonly fact: JsonObject } | null {
  if (event.type !== 'output' || event.fact['kind'] !== kind) return null;
  return { node: event.node, fact: event.fact };
}

export function valueIn(fact: JsonObject): PaxosValue {
  const value = fact['value'];
  return typeof value === 'string' ? value : null;
}

export function slotIn(fact: JsonObject): number {
  const slot = fact['slot'];
  return typeof slot === 'number' ? slot : 0;
}

export function ballotIn(fact: JsonObject): string | null {
  const ballot = fact['ballot'];
  return typeof ballot === 'string' ? ballot : null;
}

export function show(value: PaxosValue): string {
  return value === null ? 'no-op' : JSON.stringify(value);
}
