/**
 * Live invariant hooks. A lab registers checkers; each sees every trace event together with the
 * nodes' current states, keeps its own plain-data state (so it is checkpointed with the run) and
 * may report a violation, which becomes a `violation` event and halts the run.
 */
import type { Json } from './json';
import type { NodeId, PersistedData } from './node';
import type { TraceEvent } from './trace';

export type NodeStatus = 'up' | 'down' | 'paused';

export interface NodeView {
  readonly id: NodeId;
  readonly kind: string;
  readonly status: NodeStatus;
  readonly state: Json | undefined;
  readonly persisted: Readonly<PersistedData>;
}

export interface CheckView {
  readonly nodes: Readonly<Record<NodeId, NodeView>>;
}

export interface Violation {
  readonly nodes: readonly NodeId[];
  readonly detail: string;
}

export interface Observation<S> {
  readonly state: S;
  readonly violation?: Violation;
}

export interface Checker<S extends Json = Json> {
  /** Short stable name, used in `violation` events: "election-safety". */
  readonly rule: string;
  /** One sentence a student can read in the invariants panel. */
  readonly description: string;
  init(): S;
  observe(state: S, event: TraceEvent, view: CheckView): Observation<S>;
}
