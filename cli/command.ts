/** What every CLI command is, and where it writes: tests pass their own Io to capture output. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal, so a progress line can redraw itself in place. */
  readonly errIsTTY: boolean;
}

export interface Command {
  readonly name: string;
  /** One line for the top-level help. */
  readonly summary: string;
  /** The command's --help text. */
  readonly help: string;
  /** Returns the exit code (see errors.ts); throws UsageError for a bad command line. */
  run(argv: readonly string[], io: Io): Promise<number>;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  errIsTTY: process.stderr.isTTY === true,
};
