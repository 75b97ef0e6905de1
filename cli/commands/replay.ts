/**
 * `replay FILE`: re-runs a trace from its header, in-process, for exactly as many events as the
 * file holds, and compares the lines byte for byte. The comparison happens as the events come,
 * so memory holds the file but never a second copy of the trace.
 */
import { headerOf } from '../../src/runtime/exportTrace';
import { createInProcessRun, runThroughHalts, type InProcessRun } from '../../src/runtime/inProcess';
import type { RunSpec } from '../../src/sim/simulation';
import { formatTraceLine } from '../../src/sim/trace';
import { parseCommandLine } from '../args';
import type { Command } from '../command';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../errors';
import { catalogue } from '../catalogue';
import { readTraceFile } from '../traceFile';

const help = `Usage: npm run sim -- replay FILE

Re-runs the trace in FILE from its header (lab, variant, seed, parameters, actions), in-process,
for exactly as many events as the file has, and says whether every line is identical byte for
byte, or where the first difference is (line number, the file's line and the re-run's line).
Violations do not stop the re-run: a trace that ends at one still matches.

Exit status: 0 identical, 1 differs, 2 FILE is not a distlab trace (or names an unknown lab).
`;

/** Long lines are cut when printed; the comparison itself is always whole. */
const SHOWN_CHARS = 800;
const shown = (line: string | undefined): string => (line === undefined ? '(nothing: the run ended)' : line.length > SHOWN_CHARS ? `${line.slice(0, SHOWN_CHARS)}…` : line);

interface Difference {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly expected: string | undefined;
  readonly actual: string | undefined;
}

/** Compares each event of the re-run with the file's line as it is emitted. */
class LineComparer {
  produced = 0;
  difference: Difference | null = null;

  constructor(private readonly lines: readonly string[]) {}

  get done(): boolean {
    return this.difference !== null || this.produced >= this.lines.length - 1;
  }

  compare(actual: string): void {
    if (this.done) return;
    const line = this.produced + 2;
    const expected = this.lines[line - 1];
    this.produced++;
    if (actual !== expected) this.difference = { line, expected, actual };
  }
}

function startRun(path: string, spec: RunSpec, comparer: LineComparer): InProcessRun {
  const lab = catalogue.find(spec.lab);
  try {
    if (lab === undefined) throw new Error('unknown lab');
    return createInProcessRun(lab, spec, { onEvent: (e) => comparer.compare(formatTraceLine(e)) });
  } catch (error) {
    throw new UsageError(`${path}: its header cannot start a run: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function rerun(run: InProcessRun, comparer: LineComparer): void {
  runThroughHalts(run, () => !comparer.done);
}

export const replayCommand: Command = {
  name: 'replay',
  summary: 're-run a trace file from its header and check it is identical',
  help,
  run(argv, io) {
    const { values, positionals } = parseCommandLine({ args: [...argv], options: { help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true }, 'replay');
    if (values.help === true) {
      io.out(help);
      return Promise.resolve(EXIT_OK);
    }
    const [path, ...extra] = positionals;
    if (path === undefined || extra.length > 0) throw new UsageError('replay takes exactly one trace file\nSee: npm run sim -- replay --help');
    const file = readTraceFile(path);
    const spec = file.spec;
    const comparer = new LineComparer(file.lines);
    const header = formatTraceLine(headerOf(spec));
    if (header !== file.lines[0]) comparer.difference = { line: 1, expected: file.lines[0], actual: header };
    rerun(startRun(path, spec, comparer), comparer);
    const events = file.lines.length - 1;
    if (comparer.difference === null && comparer.produced < events) {
      comparer.difference = { line: comparer.produced + 2, expected: file.lines[comparer.produced + 1], actual: undefined };
    }
    const d = comparer.difference;
    if (d === null) {
      io.out(`identical: ${path}: the header and ${events} events re-run from it match byte for byte (${spec.lab}/${spec.variant} seed ${spec.seed})\n`);
      return Promise.resolve(EXIT_OK);
    }
    io.out(`differs: ${path} line ${d.line}${d.line === 1 ? ' (the header)' : ` (event ${d.line - 1} of ${events})`}\n  file:   ${shown(d.expected)}\n  re-run: ${shown(d.actual)}\n`);
    return Promise.resolve(EXIT_FAILED);
  },
};
