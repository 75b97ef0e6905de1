/** Command-line parsing shared by the commands: flags through node:util parseArgs, checked values. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';

/** parseArgs, with its errors (unknown flag, missing value) turned into usage errors. */
export function parseCommandLine<const T extends ParseArgsConfig>(config: T, command: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${message}\nSee: npm run sim -- ${command} --help`);
  }
}

export interface IntRange {
  readonly min: number;
  readonly max: number;
}


export function parseIntFlag(flag: string, raw: string, range: IntRange): number {
  const value = /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new UsageError(`--${flag} must be a whole number from ${range.min} to ${range.max} (got "${raw}")`);
  }
  return value;
}

export function parseNumberFlag(flag: string, raw: string, range: IntRange): number {
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value) || value < range.min || value > range.max) {
    throw new UsageError(`--${flag} must be a number from ${range.min} to ${range.max} (got "${raw}")`);
  }
  return value;
}

export function parseChoice<T extends string>(flag: string, raw: string, choices: readonly T[]): T {
  const found = choices.find((c) => c === raw);
  if (found === undefined) throw new UsageError(`--${flag} must be one of ${choices.join(', ')} (got "${raw}")`);
  return found;
}

/** `--param NAME=VALUE`, repeatable; values stay text, the lab's parameter specs check them. */
export function parseParamFlags(list: readonly string[] | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  for (const item of list ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param takes NAME=VALUE (got "${item}")`);
    params[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return params;
}

/** Quotes an argument for a POSIX shell, only when it needs it, so printed commands stay short. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
