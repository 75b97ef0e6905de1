/**
 * `fuzz`: many seeds, each with random faults from its seed and the lab's checkers, spread over a
 * pool of worker threads (one per core, each running whole seeds in-process). Failing seeds are
 * printed with the command that redoes them and their traces written.
 */
import { availableParallelism } from 'node:os';
import { MAX_SEED } from '../../src/sim/random';
import { parseCommandLine, parseIntFlag } from '../args';
import type { Command, Io } from '../command';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../errors';
import { runPool } from '../fuzz/pool';
import { ProgressLine } from '../fuzz/progress';
import { seedFailed, writeSeedTrace, type SeedOutcome } from '../fuzz/seedRun';
import { DEFAULT_UNTIL_MS, resolveRun, type RunChoice } from '../runConfig';
import { choiceFromFlags, SHARED_FLAGS, SHARED_HELP } from '../runFlags';
import { describeNodeError, describeViolation } from '../summary';

const FUZZ_ENTRY = new URL('../fuzz/fuzzThread.ts', import.meta.url);
const MAX_SEEDS = 1_000_000;
const MAX_THREADS = 64;
const DEFAULT_MAX_REPORTS = 20;

const help = `Usage: npm run sim -- fuzz --lab LAB --seeds N [options]

Runs seeds FROM..FROM+N-1 in-process with random faults drawn from each seed and the lab's
invariant checkers, over a pool of worker threads (default: one per core, ${availableParallelism()} here).
A seed stops at its first violated invariant: the violation is recorded, that seed's trace up to
it is written to DIR/LAB-VARIANT-seedS.jsonl, and the seed is printed with the exact "run"
command that redoes it (same trace; "replay FILE" checks a trace file). A node whose step throws
(a failed assertion in the protocol, a bug) crashes and fails its seed the same way, printed
with the error. Only the first
--max-reports failing seeds are printed and written; the rest are counted and listed at the end.
Progress goes to stderr.

Options:
${SHARED_HELP}
  --seeds N            how many seeds, 1..${MAX_SEEDS}
  --from S             the first seed (default 1)
  --faults F           none, light or heavy (default heavy; see run --help). Default --until: ${DEFAULT_UNTIL_MS}
  --out-dir DIR        where failing traces go (default ./traces)
  --threads N          pool size (default ${availableParallelism()})
  --max-reports N      print and write traces of at most N failing seeds (default ${DEFAULT_MAX_REPORTS})
  -h, --help           this text

Exit status: 0 no seed failed, 1 some seed violated an invariant, had a node whose step threw, or
failed to run, 2 bad command line.
Example: npm run sim -- fuzz --lab raft --variant article --seeds 200
`;

interface FuzzPlan {
  readonly base: RunChoice;
  readonly from: number;
  readonly seeds: number;
  readonly outDir: string;
  readonly threads: number;
  readonly maxReports: number;
}

function planFrom(argv: readonly string[]): FuzzPlan | null {
  const { values } = parseCommandLine(
    {
      args: [...argv],
      options: { ...SHARED_FLAGS, seeds: { type: 'string' }, from: { type: 'string' }, 'out-dir': { type: 'string' }, threads: { type: 'string' }, 'max-reports': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    },
    'fuzz',
  );
  if (values.help === true) return null;
  if (values.seeds === undefined) throw new UsageError('--seeds N is required (how many seeds to run)');
  const seeds = parseIntFlag('seeds', values.seeds, { min: 1, max: MAX_SEEDS });
  const from = values.from === undefined ? 1 : parseIntFlag('from', values.from, { min: 0, max: MAX_SEED - seeds + 1 });
  const threads = values.threads === undefined ? availableParallelism() : parseIntFlag('threads', values.threads, { min: 1, max: MAX_THREADS });
  const maxReports = values['max-reports'] === undefined ? DEFAULT_MAX_REPORTS : parseIntFlag('max-reports', values['max-reports'], { min: 0, max: MAX_SEEDS });
  const given = choiceFromFlags(values, { faults: 'heavy' });
  // Check the whole configuration once, here, so a mistake is one clear error and not N; the
  // variant is spelled out so every printed command names it.
  const first = resolveRun({ ...given, seed: from });
  return { base: { ...given, variant: first.spec.variant }, from, seeds, outDir: values['out-dir'] ?? 'traces', threads, maxReports };
}

async function reportSeed(io: Io, progress: ProgressLine, plan: FuzzPlan, o: SeedOutcome): Promise<void> {
  const what = o.error !== null ? `error: ${o.error}` : [...o.violations.map(describeViolation), ...o.nodeErrors.map(describeNodeError)].join('; ');
  // A seed that threw may throw again while writing; its command is the way to reproduce it.
  const trace = o.error === null ? `  trace:  ${await writeSeedTrace({ ...plan.base, seed: o.seed }, plan.outDir)}\n` : '';
  progress.clear();
  io.out(`seed ${o.seed}: ${what}\n${trace}  replay: ${o.command}\n`);
}

/** The failing seeds, sorted; a long list is cut so the last line stays readable. */
function listSeeds(seeds: readonly number[]): string {
  const shownSeeds = 50;
  const sorted = [...seeds].sort((a, b) => a - b);
  const more = sorted.length > shownSeeds ? ` and ${sorted.length - shownSeeds} more` : '';
  return sorted.slice(0, shownSeeds).join(', ') + more;
}

async function fuzz(plan: FuzzPlan, io: Io): Promise<number> {
  const label = `fuzz ${plan.base.lab}/${String(plan.base.variant)}, ${plan.base.faults} faults`;
  const progress = new ProgressLine(io);
  const startMs = performance.now();
  const failing: number[] = [];
  const reports: Promise<void>[] = [];
  let done = 0;
  let events = 0;
  const jobs = { count: plan.seeds, jobAt: (i: number): RunChoice => ({ ...plan.base, seed: plan.from + i }) };
  await runPool<RunChoice, SeedOutcome>(FUZZ_ENTRY, plan.threads, jobs, (outcome) => {
    done++;
    events += outcome.events;
    if (seedFailed(outcome)) {
      failing.push(outcome.seed);
      if (failing.length <= plan.maxReports) {
        // Reports go out one after another, in the order the seeds finished.
        reports.push((reports.at(-1) ?? Promise.resolve()).then(() => reportSeed(io, progress, plan, outcome)));
      }
    }
    const seconds = (performance.now() - startMs) / 1000;
    progress.update(`${label}: ${done}/${plan.seeds} seeds, ${failing.length} failing, ${(done / Math.max(seconds, 1e-3)).toFixed(1)} seeds/s`);
  });
  await Promise.all(reports);
  const seconds = ((performance.now() - startMs) / 1000).toFixed(1);
  progress.finish(`${label}: ${done}/${plan.seeds} seeds done in ${seconds} s`);
  const last = plan.from + plan.seeds - 1;
  const unreported = Math.max(0, failing.length - plan.maxReports);
  const verdict = failing.length === 0 ? 'none failed' : `${failing.length} failed (seeds ${listSeeds(failing)})${unreported > 0 ? `; ${unreported} not printed (--max-reports ${plan.maxReports})` : ''}`;
  io.out(`${label}: seeds ${plan.from}..${last}: ${verdict}; ${events} events\n`);
  return failing.length > 0 ? EXIT_FAILED : EXIT_OK;
}

export const fuzzCommand: Command = {
  name: 'fuzz',
  summary: 'run many seeds with random faults over every core; report failing seeds',
  help,
  async run(argv, io) {
    const plan = planFrom(argv);
    if (plan === null) {
      io.out(help);
      return EXIT_OK;
    }
    return fuzz(plan, io);
  },
};
