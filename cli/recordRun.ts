/** A run that writes its trace: the header, then every event as it happens. */
import { headerOf } from '../src/runtime/exportTrace';
import { runInThreads } from './hosts/threadRun';
import { runInProcess, type RunResult } from './inProcessRun';
import type { RunConfig } from './runConfig';
import type { TraceEvent } from '../src/sim/trace';
import type { TraceWriter } from './traceFile';

export type HostKind = 'inprocess' | 'threads';
export const HOST_KINDS: readonly HostKind[] = ['inprocess', 'threads'];

export async function recordRun(config: RunConfig, writer: TraceWriter, options: { readonly halt: boolean; readonly host: HostKind }): Promise<RunResult> {
  writer.line(headerOf(config.spec));
  try {
    const runOptions = { halt: options.halt, onEvent: (e: TraceEvent) => writer.line(e) };
    return options.host === 'threads' ? await runInThreads(config, runOptions) : runInProcess(config, runOptions);
  } finally {
    writer.close();
  }
}
