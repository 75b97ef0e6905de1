/**
 * The CLI's dispatcher: picks the command, runs it, turns usage errors into a message and exit
 * code 2. Kept apart from main.ts so tests can run commands in-process with their own Io.
 */
import type { Command, Io } from './command';
import { fuzzCommand } from './commands/fuzz';
import { listCommand } from './commands/list';
import { replayCommand } from './commands/replay';
import { runCommand } from './commands/run';
import { EXIT_OK, EXIT_USAGE, UsageError } from './errors';

export const commands: readonly Command[] = [runCommand, fuzzCommand, replayCommand, listCommand];

/** Something broke inside distlab (not the caller's mistake, not a violation). */
export const EXIT_INTERNAL = 3;

const help = `distlab: deterministic simulation of distributed-systems mechanisms, headless.

Usage: npm run sim -- COMMAND [options]      (npm run sim -- COMMAND --help for each)

Commands:
${commands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

With no command but flags, "run" is meant: npm run sim -- --lab raft --seed 123
Exit status: 0 fine, 1 an invariant was violated or a replay differs, 2 bad command line or
input file, ${EXIT_INTERNAL} internal error.
`;

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    (first === undefined ? io.err : io.out)(help);
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const named = commands.find((c) => c.name === first);
  const command = named ?? (first.startsWith('-') ? runCommand : undefined);
  try {
    if (command === undefined) throw new UsageError(`unknown command "${first}"; commands: ${commands.map((c) => c.name).join(', ')}`);
    return await command.run(named === undefined ? argv : rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.err(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_INTERNAL;
  }
}
