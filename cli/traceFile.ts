/**
 * Trace files (JSON Lines): writing them as a run goes, and reading one back with its header
 * checked (as the page checks it). A file that is not a distlab trace is a usage error, with what
 * is wrong in it.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunSpec } from '../src/sim/simulation';
import { formatTraceLine, type TraceEvent, type TraceHeader } from '../src/sim/trace';
import { readTraceHeader, TraceHeaderError } from '../src/runtime/traceHeader';
import { UsageError } from './errors';
import { catalogue } from './catalogue';

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
  /** The run the header describes, checked against the labs. */
  readonly spec: RunSpec;
  /** Every line of the file without its newline, the header first. */
  readonly lines: readonly string[];
}

/** The run a file's first line describes; a usage error when it is not a header of a run this distlab can replay. */
export function readRunSpec(path: string, line: string | undefined): RunSpec {
  try {
    return readTraceHeader(line, catalogue.labs);
  } catch (error) {
    if (error instanceof TraceHeaderError) throw new UsageError(`${path} is not a distlab trace this version can replay: ${error.message}`);
    throw error;
  }
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
  return { spec: readRunSpec(path, lines[0]), lines };
}

/** Where a run's trace goes unless told: one file per lab, variant and seed. */
export function defaultTracePath(spec: { readonly lab: string; readonly variant: string; readonly seed: number }, dir = 'traces'): string {
  return `${dir}/${spec.lab}-${spec.variant}-seed${spec.seed}.jsonl`;
}
