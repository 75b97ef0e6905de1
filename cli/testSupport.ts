/** Helpers for the CLI's tests: run a command in-process with captured output, or as a real process. */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli';
import type { Io } from './command';

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export async function cli(...argv: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), errIsTTY: false };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

function exec(file: string, args: readonly string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: repoRoot, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The real CLI in its own Node process (tsx loads the TypeScript, as `npm run sim` does). */
export function spawnCli(...argv: string[]): Promise<Outcome> {
  return exec(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...argv]);
}

/** A shell command line, as a person would paste it. */
export function shell(commandLine: string): Promise<Outcome> {
  return exec('/bin/sh', ['-c', commandLine]);
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'distlab-cli-'));
}
