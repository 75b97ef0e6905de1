/**
 * Opening a trace file: reads the header line (which run it was) and the time of the last event
 * (which moment to show). Everything is checked before the page replaces the current run, so a
 * file that is not a valid trace leaves the run alone and says what is wrong.
 */
import { decodeActions, encodeActions, type Action } from '../sim/actions';
import { nodesNamedBy } from '../sim/faults';
import { resolveLabParams } from '../sim/lab';
import type { ParamValue } from '../sim/node';
import type { RunSpec } from '../sim/simulation';
import { TRACE_FORMAT, TRACE_VERSION } from '../sim/trace';
import { isSeed, type FindLab } from './url';

export type TraceFileResult =
  | { readonly ok: true; readonly spec: RunSpec; readonly lastT: number; readonly eventCount: number }
  | { readonly ok: false; readonly error: string };

class TraceFileError extends Error {}

function fail(message: string): never {
  throw new TraceFileError(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Same JSON value, whatever the key order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => sameJson(a[k], b[k]));
  }
  return a === b;
}

/**
 * An action is valid when its URL text form reads back to the same object: that checks the kind,
 * every field's type and the node ids with the one parser the URLs use.
 */
function checkAction(value: unknown, i: number): Action {
  const where = `action ${i + 1} of the header`;
  if (!isRecord(value) || typeof value['at'] !== 'number' || value['at'] < 0) fail(`${where} has no valid time "at"`);
  let back: Action | undefined;
  try {
    back = decodeActions(encodeActions([value as unknown as Action]))[0];
  } catch {
    fail(`${where} (${JSON.stringify(value).slice(0, 80)}) is not a valid action`);
  }
  if (back === undefined || !sameJson(back, value)) fail(`${where} (${JSON.stringify(value).slice(0, 80)}) is not a valid action`);
  return back;
}

function readHeader(line: string, findLab: FindLab): RunSpec {
  let header: unknown;
  try {
    header = JSON.parse(line);
  } catch {
    fail('its first line is not JSON, so it is not a distlab trace');
  }
  if (!isRecord(header) || header['format'] !== TRACE_FORMAT) fail(`its first line is not a distlab trace header (format "${TRACE_FORMAT}")`);
  if (header['version'] !== TRACE_VERSION) fail(`it is trace version ${JSON.stringify(header['version'])}; this page reads version ${TRACE_VERSION}`);
  const labId = header['lab'];
  const lab = typeof labId === 'string' ? findLab(labId) : undefined;
  if (lab === undefined) fail(`it is a trace of the lab ${JSON.stringify(labId)}, which this page does not have`);
  const variant = header['variant'];
  if (typeof variant !== 'string' || !lab.variants.includes(variant)) fail(`its variant ${JSON.stringify(variant)} is not one of ${lab.id}'s (${lab.variants.join(', ')})`);
  const seed = header['seed'];
  if (typeof seed !== 'number' || !isSeed(seed)) fail(`its seed ${JSON.stringify(seed)} is not a whole number from 0 to 4294967295`);
  if (!isRecord(header['params'])) fail('its header has no "params" object');
  let params: Readonly<Record<string, ParamValue>>;
  try {
    params = resolveLabParams(lab, header['params'] as Record<string, ParamValue>);
  } catch (error) {
    fail(`its parameters are not valid: ${error instanceof Error ? error.message : String(error)}`);
  }
  const rawActions = header['actions'] ?? [];
  if (!Array.isArray(rawActions)) fail('its header\'s "actions" is not a list');
  const actions = rawActions.map(checkAction);
  const ids = new Set(lab.topology(params).map((n) => n.id));
  const missing = actions.flatMap(nodesNamedBy).find((id) => !ids.has(id));
  if (missing !== undefined) fail(`an action names the node "${missing}", which this run does not have`);
  return { lab: lab.id, variant, seed, params, actions };
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

/** Reads a whole trace file. `name` is only used in the error message. */
export function parseTraceFile(text: string, name: string, findLab: FindLab): TraceFileResult {
  try {
    const lines = text.split(/\r?\n/);
    const first = lines[0] ?? '';
    if (first.trim() === '') fail('it is empty or its first line is blank');
    const spec = readHeader(first, findLab);
    return { ok: true, spec, ...lastEventTime(lines) };
  } catch (error) {
    if (!(error instanceof TraceFileError)) throw error;
    return { ok: false, error: `"${name}" cannot be opened: ${error.message}. The current run is unchanged.` };
  }
}

/** The file name an exported trace gets. */
export function traceFileName(lab: string, seed: number): string {
  return `distlab-${lab}-${seed}.jsonl`;
}
