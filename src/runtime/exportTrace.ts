/**
 * Writing a trace file: the header, then the first `eventCount` events of the run. The page keeps
 * only recent events, so it exports by re-running the spec in-process: the run is deterministic,
 * so the lines are the ones the run wrote.
 */
import type { RunnableLab } from './runnableLab';
import type { RunSpec } from '../sim/simulation';
import { TRACE_FORMAT, TRACE_VERSION, type TraceHeader } from '../sim/trace';
import { createInProcessRun, runThroughHalts } from './inProcess';

export function headerOf(spec: RunSpec): TraceHeader {
  return { format: TRACE_FORMAT, version: TRACE_VERSION, lab: spec.lab, variant: spec.variant, seed: spec.seed, params: spec.params, actions: spec.actions };
}

/** The run's first `eventCount` trace lines, re-created in-process (violations do not stop it). */
export function rerunLines(lab: RunnableLab, spec: RunSpec, eventCount: number): string[] {
  const lines: string[] = [];
  const run = createInProcessRun(lab, spec, { onEvent: (e) => lines.length < eventCount && lines.push(JSON.stringify(e)) });
  runThroughHalts(run, () => lines.length < eventCount);
  return lines;
}

export function traceText(lab: RunnableLab, spec: RunSpec, eventCount: number): string {
  return [JSON.stringify(headerOf(spec)), ...rerunLines(lab, spec, eventCount)].join('\n') + '\n';
}
