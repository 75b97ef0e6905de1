/**
 * Opening a trace file: reads the header line (which run it was) and the time of the last event
 * (which moment to show). Everything is checked before the page replaces the current run, so a
 * file that is not a valid trace leaves the run alone and says what is wrong.
 */
import type { LabDefinition } from '../labs/contract/lab';
import type { RunSpec } from '../sim/simulation';
import { readTraceHeader, TraceHeaderError } from '../runtime/traceHeader';

export type TraceFileResult =
  | { readonly ok: true; readonly spec: RunSpec; readonly lastT: number; readonly eventCount: number }
  | { readonly ok: false; readonly error: string };

function fail(message: string): never {
  throw new TraceHeaderError(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lastEventTime(lines: readonly string[]): { lastT: number; eventCount: number } {
  let eventCount = 0;
  let lastT = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      fail(`line ${i + 1} is not JSON`);
    }
    if (!isRecord(event) || typeof event['t'] !== 'number' || typeof event['type'] !== 'string') fail(`line ${i + 1} is not a trace event (it needs "t" and "type")`);
    eventCount++;
    lastT = Math.max(lastT, event['t']);
  }
  return { lastT, eventCount };
}

/** Reads a whole trace file, checked against `labs`. `name` is only used in the error message. */
export function parseTraceFile(text: string, name: string, labs: readonly LabDefinition[]): TraceFileResult {
  try {
    const lines = text.split(/\r?\n/);
    const spec = readTraceHeader(lines[0], labs);
    return { ok: true, spec, ...lastEventTime(lines) };
  } catch (error) {
    if (!(error instanceof TraceHeaderError)) throw error;
    return { ok: false, error: `"${name}" cannot be opened: ${error.message}. The current run is unchanged.` };
  }
}

/** The file name an exported trace gets. */
export function traceFileName(lab: string, seed: number): string {
  return `distlab-${lab}-${seed}.jsonl`;
}

/** A picture of the page at virtual time `t`: "distlab-raft-7-at-1234.5ms.png". */
export function pictureFileName(lab: string, seed: number, t: number): string {
  return `distlab-${lab}-${seed}-at-${Math.round(t * 10) / 10}ms.png`;
}
