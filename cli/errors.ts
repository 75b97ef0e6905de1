/** Exit codes the CLI promises, and the error that carries one up to main. */
export const EXIT_OK = 0;
/** A run found a violated invariant, or a replay differs. */
export const EXIT_FAILED = 1;
/** The command line or an input file is wrong; nothing was run. */
export const EXIT_USAGE = 2;

/** A mistake by the caller (unknown flag, lab, parameter, bad file): printed as is, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
