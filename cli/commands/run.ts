/** `run`: one run of a lab, its trace written as JSON Lines, a one-line summary printed. */
import { MAX_SEED } from '../../src/sim/random';
import { parseChoice, parseCommandLine, parseIntFlag } from '../args';
import type { Command } from '../command';
import { EXIT_FAILED, EXIT_OK } from '../errors';
import { HOST_KINDS, recordRun } from '../recordRun';
import { DEFAULT_SEED, DEFAULT_UNTIL_MS, resolveRun } from '../runConfig';
import { choiceFromFlags, SHARED_FLAGS, SHARED_HELP } from '../runFlags';
import { formatSummary } from '../summary';
import { defaultTracePath, TraceWriter } from '../traceFile';

const help = `Usage: npm run sim -- run --lab LAB [options]

Runs one lab and writes its trace as JSON Lines: a header line (lab, variant, seed, parameters
and every action of the run), then one event a line. Prints a one-line summary: virtual time
reached, events, messages sent and dropped, violated invariants, and nodes whose step threw.

Options:
${SHARED_HELP}
  --scenario ID        start from one of the lab's scenarios: its variant, seed, parameters,
                       actions and length; the flags above override them
  --seed N             the run's seed, 0..${MAX_SEED} (default: the scenario's, else ${DEFAULT_SEED})
  --faults F           random faults drawn from the seed: none, light (loss, pauses, one
                       isolation) or heavy (crashes and restarts, pauses, partitions, loss,
                       duplication, latency); default none. Default --until: ${DEFAULT_UNTIL_MS}
  --out FILE           where the trace goes (default traces/LAB-VARIANT-seedN.jsonl);
                       "-" writes it to stdout and the summary to stderr (use
                       npm run -s sim, so npm's banner stays out of stdout)
  --halt               stop at the first violated invariant (its step's events are still
                       written); by default the violation is recorded and the run goes on
  --host H             inprocess (default), or threads: one worker_thread per node, which a
                       crash terminates and a restart starts anew; the trace is the same
  -h, --help           this text

Exit status: 0 no invariant was violated and no node's step threw, 1 one was or one did, 2 bad
command line.
Example: npm run sim -- run --lab raft --variant article --seed 7 --faults heavy
`;

export const runCommand: Command = {
  name: 'run',
  summary: 'run a lab once and write its trace (JSON Lines)',
  help,
  async run(argv, io) {
    const { values } = parseCommandLine(
      {
        args: [...argv],
        options: { ...SHARED_FLAGS, scenario: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, halt: { type: 'boolean' }, host: { type: 'string' } },
        strict: true,
        allowPositionals: false,
      },
      'run',
    );
    if (values.help === true) {
      io.out(help);
      return EXIT_OK;
    }
    const seed = values.seed === undefined ? undefined : parseIntFlag('seed', values.seed, { min: 0, max: MAX_SEED });
    const host = values.host === undefined ? 'inprocess' : parseChoice('host', values.host, HOST_KINDS);
    const config = resolveRun(choiceFromFlags(values, { faults: 'none' }, { scenario: values.scenario, seed }));
    const out = values.out ?? defaultTracePath(config.spec);
    const writer = out === '-' ? new TraceWriter(io.out) : TraceWriter.toFile(out);
    const result = await recordRun(config, writer, { halt: values.halt === true, host });
    const where = out === '-' ? '' : `; trace: ${out}`;
    const halted = result.halted ? ' (halted at the first violation)' : '';
    (out === '-' ? io.err : io.out)(`${formatSummary(config.spec, result.reachedMs, result.tally)}${halted}${where}\n`);
    return result.tally.failed ? EXIT_FAILED : EXIT_OK;
  },
};
