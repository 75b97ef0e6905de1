/** Counting what a run did, for the one-line summary that `run` prints and `fuzz` reports. */
import type { RunSpec } from '../src/sim/simulation';
import type { TraceEvent } from '../src/sim/trace';

export type ViolationEvent = Extract<TraceEvent, { type: 'violation' }>;

/** A node whose step threw (a failed assertion, a bug): the kernel crashed it with the error. */
export type NodeErrorEvent = Extract<TraceEvent, { type: 'crash' }> & { readonly error: string };

export class RunTally {
  events = 0;
  sent = 0;
  dropped = 0;
  readonly violations: ViolationEvent[] = [];
  readonly nodeErrors: NodeErrorEvent[] = [];

  observe(event: TraceEvent): void {
    this.events++;
    if (event.type === 'send') this.sent++;
    else if (event.type === 'drop') this.dropped++;
    else if (event.type === 'violation') this.violations.push(event);
    else if (event.type === 'crash' && event.error !== undefined) this.nodeErrors.push({ ...event, error: event.error });
  }

  /** A violated invariant, or a node whose step threw. */
  get failed(): boolean {
    return this.violations.length > 0 || this.nodeErrors.length > 0;
  }
}

export function describeViolation(v: ViolationEvent): string {
  return `${v.rule} at ${v.t} ms (${v.detail})`;
}

export function describeNodeError(e: NodeErrorEvent): string {
  return `${e.node} threw at ${e.t} ms (${e.error})`;
}

function counted(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

export function formatSummary(spec: RunSpec, reachedMs: number, tally: RunTally): string {
  const violations = tally.violations.length === 0 ? 'no violations' : `${counted(tally.violations.length, 'violation')}: ${tally.violations.map(describeViolation).join('; ')}`;
  const errors = tally.nodeErrors.length === 0 ? '' : `, ${counted(tally.nodeErrors.length, 'node error')}: ${tally.nodeErrors.map(describeNodeError).join('; ')}`;
  return `${spec.lab}/${spec.variant} seed ${spec.seed}: reached ${reachedMs} ms, ${tally.events} events, ${tally.sent} messages sent, ${tally.dropped} dropped, ${violations}${errors}`;
}
