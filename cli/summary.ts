/** Counting what a run did, for the one-line summary that `run` prints and `fuzz` reports. */
import type { RunSpec } from '../src/sim/simulation';
import type { TraceEvent } from '../src/sim/trace';

export type ViolationEvent = Extract<TraceEvent, { type: 'violation' }>;

export class RunTally {
  events = 0;
  sent = 0;
  dropped = 0;
  readonly violations: ViolationEvent[] = [];

  observe(event: TraceEvent): void {
    this.events++;
    if (event.type === 'send') this.sent++;
    else if (event.type === 'drop') this.dropped++;
    else if (event.type === 'violation') this.violations.push(event);
  }
}

export function describeViolation(v: ViolationEvent): string {
  return `${v.rule} at ${v.t} ms (${v.detail})`;
}

export function formatSummary(spec: RunSpec, reachedMs: number, tally: RunTally): string {
  const violations = tally.violations.length === 0 ? 'no violations' : `${tally.violations.length} violation${tally.violations.length === 1 ? '' : 's'}: ${tally.violations.map(describeViolation).join('; ')}`;
  return `${spec.lab}/${spec.variant} seed ${spec.seed}: reached ${reachedMs} ms, ${tally.events} events, ${tally.sent} messages sent, ${tally.dropped} dropped, ${violations}`;
}
