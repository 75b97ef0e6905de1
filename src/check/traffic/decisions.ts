/** Reading the traffic labs' facts (docs/trace-format.md, "traffic control") out of trace events. */
import type { CheckView } from '../../sim/checker';
import type { JsonObject } from '../../sim/json';
import type { TraceEvent } from '../../sim/trace';

/** A fact of `kind` reported by a node of kind `nodeKind`, with that node's id, or null. */
export function factFrom(event: TraceEvent, view: CheckView, nodeKind: string, kind: string): { readonly node: string; readonly fact: JsonObject } | null {
  if (event.type !== 'output' || event.fact['kind'] !== kind) return null;
  if (view.nodes[event.node]?.kind !== nodeKind) return null;
  return { node: event.node, fact: event.fact };
}

/** A request let through: a `decision` fact with `allowed` true. */
export function admittedBy(event: TraceEvent, view: CheckView, nodeKind: string): { readonly node: string; readonly fact: JsonObject } | null {
  const f = factFrom(event, view, nodeKind, 'decision');
  return f !== null && f.fact['allowed'] === true ? f : null;
}
