/**
 * Trace files (JSON Lines): writing them as a run goes, and reading one back with its header
 * checked. A file that is not a distlab trace is a usage error, with what is wrong in it.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Action, ActionKind } from '../src/sim/actions';
import { TRACE_FORMAT, TRACE_VERSION, formatTraceLine, type TraceEvent, type TraceHeader } from '../src/sim/trace';
import { UsageError } from './errors';

/** Lines are written in chunks of about this many characters: few system calls, bounded memory. */
const CHUNK_CHARS = 1 << 16;

export class TraceWriter {
  private chunk: string[] = [];
  private size = 0;

  /** `write` receives whole chunks of lines; `close` runs once after the last one. */
  constructor(
    private readonly write: (text: string) => void,
    private readonly finish: () => void = () => {},
  ) {}

  /** Writes to a file, creating its folder; the file is replaced. */
  static toFile(path: string): TraceWriter {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'w');
    return new TraceWriter(
      (text) => writeSync(fd, text),
      () => closeSync(fd),
    );
  }

  line(value: TraceHeader | TraceEvent): void {
    const text = formatTraceLine(value) + '\n';
    this.chunk.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.chunk.length > 0) this.write(this.chunk.join(''));
    this.chunk = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    this.finish();
  }
}

export interface TraceFile {
  readonly header: TraceHeader;
  /** Every line of the file without its newline, the header first. */
  readonly lines: readonly string[];
}

function notATrace(path: string, why: string): never {
  throw new UsageError(`${path} is not a distlab trace: ${why}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every action kind; the Record type makes the compiler flag a kind added to the kernel but not here. */
const ACTION_KINDS: Record<ActionKind, true> = { crash: true, restart: true, pause: true, skew: true, drift: true, cut: true, heal: true, isolate: true, split: true, healAll: true, network: true, command: true };

function checkActions(path: string, actions: unknown): readonly Action[] {
  if (!Array.isArray(actions)) return notATrace(path, 'the header has no "actions" list');
  actions.forEach((a: unknown, i) => {
    if (!isObject(a) || typeof a['at'] !== 'number' || !(a['at'] >= 0)) notATrace(path, `action ${i + 1} in the header needs a time "at" of at least 0`);
    if (typeof a['kind'] !== 'string' || !Object.hasOwn(ACTION_KINDS, a['kind'])) {
      notATrace(path, `action ${i + 1} in the header has kind ${JSON.stringify(a['kind'])}; kinds: ${Object.keys(ACTION_KINDS).join(', ')}`);
    }
  });
  // The run itself checks each action's node names and values when it starts.
  return actions as Action[];
}

/** Checks the first line of a file is a header this version of distlab can replay. */
export function parseTraceHeader(path: string, line: string | undefined): TraceHeader {
  if (line === undefined || line.trim() === '') return notATrace(path, 'it is empty');
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return notATrace(path, 'line 1 is not JSON');
  }
  if (!isObject(value) || value['format'] !== TRACE_FORMAT) return notATrace(path, `line 1 must be a header with "format":"${TRACE_FORMAT}"`);
  if (value['version'] !== TRACE_VERSION) return notATrace(path, `its format version is ${JSON.stringify(value['version'])}; this distlab reads version ${TRACE_VERSION}`);
  const { lab, variant, seed, params } = value;
  if (typeof lab !== 'string' || typeof variant !== 'string') return notATrace(path, 'the header needs "lab" and "variant" strings');
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0) return notATrace(path, 'the header needs a whole, non-negative "seed"');
  if (!isObject(params) || !Object.values(params).every((v) => ['number', 'string', 'boolean'].includes(typeof v))) {
    return notATrace(path, 'the header needs "params", an object of numbers, strings and booleans');
  }
  const actions = checkActions(path, value['actions']);
  return { format: TRACE_FORMAT, version: TRACE_VERSION, lab, variant, seed, params: params as TraceHeader['params'], actions };
}

export function readTraceFile(path: string): TraceFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const lines = text.split('\n');
  // Every line ends with a newline, so the split leaves one empty string at the end.
  if (lines.at(-1) === '') lines.pop();
  return { header: parseTraceHeader(path, lines[0]), lines };
}

/** Where a run's trace goes unless told: one file per lab, variant and seed. */
export function defaultTracePath(spec: { readonly lab: string; readonly variant: string; readonly seed: number }, dir = 'traces'): string {
  return `${dir}/${spec.lab}-${spec.variant}-seed${spec.seed}.jsonl`;
}
