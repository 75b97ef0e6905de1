/**
 * Reading a trace's first line back into the run it describes. The page (opening a file) and the
 * CLI (replay) both judge a file with this one function, so a file is accepted or refused the same
 * way in both; each caller says where the text came from around the reason given here.
 */
import { decodeActions, encodeActions, type Action, type ActionKind } from '../sim/actions';
import { nodesNamedBy } from '../sim/faults';
import type { ParamValue } from '../sim/node';
import { isSeed, MAX_SEED } from '../sim/random';
import type { RunSpec } from '../sim/simulation';
import { TRACE_FORMAT, TRACE_VERSION } from '../sim/trace';
import { resolveLabParams, type RunnableLab } from './runnableLab';

/** Why a header was refused, worded to follow "this file is not a trace we can open: ". */
export class TraceHeaderError extends Error {}

function refuse(message: string): never {
  throw new TraceHeaderError(message);
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

/** Every action kind; the Record type makes the compiler flag a kind added to the kernel but not here. */
const ACTION_KINDS: Record<ActionKind, true> = { crash: true, restart: true, pause: true, skew: true, drift: true, cut: true, heal: true, delay: true, isolate: true, bridge: true, split: true, healAll: true, network: true, command: true };

/**
 * An action is valid when its URL text form reads back to the same object: that checks every
 * field's type with the one parser the URLs use.
 */
function checkAction(value: unknown, i: number): Action {
  const where = `action ${i + 1} of the header`;
  if (!isRecord(value) || typeof value['at'] !== 'number' || !(value['at'] >= 0)) refuse(`${where} needs a time "at" of at least 0`);
  const kind = value['kind'];
  if (typeof kind !== 'string' || !Object.hasOwn(ACTION_KINDS, kind)) refuse(`${where} has kind ${JSON.stringify(kind)}; kinds: ${Object.keys(ACTION_KINDS).join(', ')}`);
  let back: Action | undefined;
  try {
    back = decodeActions(encodeActions([value as unknown as Action]))[0];
  } catch {
    // Refused just below, with the action shown.
  }
  if (back === undefined || !sameJson(back, value)) refuse(`${where} (${JSON.stringify(value).slice(0, 80)}) is not a valid ${kind} action`);
  return back;
}

/** The run a header line describes, with every field checked against the labs this build has. */
export function readTraceHeader(line: string | undefined, labs: readonly RunnableLab[]): RunSpec {
  if (line === undefined || line.trim() === '') refuse('it is empty, or its first line is blank');
  let header: unknown;
  try {
    header = JSON.parse(line);
  } catch {
    refuse('line 1 is not JSON');
  }
  if (!isRecord(header) || header['format'] !== TRACE_FORMAT) refuse(`line 1 is not a distlab trace header (one with "format":"${TRACE_FORMAT}")`);
  if (header['version'] !== TRACE_VERSION) refuse(`it is trace format version ${JSON.stringify(header['version'])}; this distlab reads version ${TRACE_VERSION}`);
  const labId = header['lab'];
  const lab = labs.find((l) => l.id === labId);
  if (lab === undefined) refuse(`it is a trace of lab ${JSON.stringify(labId)}, which this distlab does not have; labs: ${labs.map((l) => l.id).join(', ')}`);
  const variant = header['variant'];
  if (typeof variant !== 'string' || !lab.variants.includes(variant)) refuse(`its variant ${JSON.stringify(variant)} is not one of lab ${lab.id}'s: ${lab.variants.join(', ')}`);
  const seed = header['seed'];
  if (typeof seed !== 'number' || !isSeed(seed)) refuse(`its seed ${JSON.stringify(seed)} is not a whole number from 0 to ${MAX_SEED}`);
  if (!isRecord(header['params'])) refuse('its header has no "params" object');
  let params: Readonly<Record<string, ParamValue>>;
  try {
    params = resolveLabParams(lab, header['params'] as Record<string, ParamValue>, variant);
  } catch (error) {
    refuse(`its parameters do not fit lab ${lab.id}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const rawActions = header['actions'] ?? [];
  if (!Array.isArray(rawActions)) refuse('its header\'s "actions" is not a list');
  const actions = rawActions.map(checkAction);
  const ids = new Set(lab.topology(params).map((n) => n.id));
  const missing = actions.flatMap(nodesNamedBy).find((id) => !ids.has(id));
  if (missing !== undefined) refuse(`an action names the node "${missing}", which this run does not have`);
  return { lab: lab.id, variant, seed, params, actions };
}
