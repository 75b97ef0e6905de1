/** Generic helpers for live checkers: which node an event shows, and that node's state. */
import type { CheckView } from '../sim/checker';
import type { Json, JsonObject } from '../sim/json';
import type { NodeId } from '../sim/node';
import type { TraceEvent } from '../sim/trace';

/**
 * The node whose current state an event lets a checker look at. At an `output`, `send` or
 * result the state is the one the node's step just produced; at a `deliver` or `timer` it is
 * the state just before the node steps, which is the state its previous step produced. So
 * every state a node passes through is seen, at the latest just before its next step.
 */
export function nodeOfEvent(event: TraceEvent): NodeId | null {
  switch (event.type) {
    case 'output':
    case 'timer':
    case 'invoke':
    case 'ok':
    case 'fail':
      return event.node;
    case 'send':
      return event.from;
    case 'deliver':
      return event.to;
    default:
      return null;
  }
}

/** The state of a live node, or undefined when it is down (or has not started). */
export function liveState(view: CheckView, id: NodeId): Json | undefined {
  const node = view.nodes[id];
  return node === undefined || node.status === 'down' ? undefined : node.state;
}

/** The fact of an `output` event when its kind is `kind`, else null. */
export function factOf(event: TraceEvent, kind: string): JsonObject | null {
  return event.type === 'output' && event.fact['kind'] === kind ? event.fact : null;
}
