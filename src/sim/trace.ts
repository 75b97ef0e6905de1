/**
 * Trace events: one JSON object per line, header first. The shapes here are a contract with the
 * CLI, the page, exported files and the docs (docs/trace-format.md).
 */
import type { Action } from './actions';
import type { Json, JsonObject } from './json';
import type { NodeId, ParamValue } from './node';

export const TRACE_FORMAT = 'distlab-trace';
export const TRACE_VERSION = 1;

export interface TraceHeader {
  readonly format: typeof TRACE_FORMAT;
  readonly version: typeof TRACE_VERSION;
  readonly lab: string;
  readonly variant: string;
  readonly seed: number;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Every user, scenario or fuzz action of the run, with its virtual time. */
  readonly actions: readonly Action[];
}

export type DropReason = 'loss' | 'cut' | 'down';

type At = { readonly t: number; readonly seq: number };

export type TraceEvent = At &
  (
    | { readonly type: 'send'; readonly from: NodeId; readonly to: NodeId; readonly msgId: number; readonly arrive?: number; readonly dup?: true; readonly msg: JsonObject }
    | { readonly type: 'deliver'; readonly from: NodeId; readonly to: NodeId; readonly msgId: number }
    | { readonly type: 'drop'; readonly from: NodeId; readonly to: NodeId; readonly msgId: number; readonly reason: DropReason }
    | { readonly type: 'timer'; readonly node: NodeId; readonly name: string }
    | { readonly type: 'crash'; readonly node: NodeId; readonly error?: string }
    | { readonly type: 'restart'; readonly node: NodeId }
    | { readonly type: 'pause'; readonly node: NodeId; readonly until: number }
    | { readonly type: 'resume'; readonly node: NodeId }
    | { readonly type: 'clock'; readonly node: NodeId; readonly offsetMs: number; readonly rate: number }
    | { readonly type: 'partition'; readonly links: readonly (readonly [NodeId, NodeId])[] }
    | { readonly type: 'heal'; readonly links: readonly (readonly [NodeId, NodeId])[] | 'all' }
    | { readonly type: 'network'; readonly settings: JsonObject }
    | { readonly type: 'invoke'; readonly node: NodeId; readonly opId: string; readonly op: JsonObject }
    | { readonly type: 'ok'; readonly node: NodeId; readonly opId: string; readonly value?: Json }
    | { readonly type: 'fail'; readonly node: NodeId; readonly opId: string; readonly value?: Json }
    | { readonly type: 'output'; readonly node: NodeId; readonly fact: JsonObject }
    | { readonly type: 'violation'; readonly rule: string; readonly nodes: readonly NodeId[]; readonly detail: string }
  );

export type TraceEventType = TraceEvent['type'];

/** Distributes Omit over the union, so each variant keeps its own fields. */
export type EventBody = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 't' | 'seq'> : never) : never;

export function formatTraceLine(value: TraceHeader | TraceEvent): string {
  return JSON.stringify(value);
}
