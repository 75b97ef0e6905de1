/** Starting a worker thread whose code is TypeScript, from the CLI or from Vitest alike. */
import { Worker } from 'node:worker_threads';

const BOOT = new URL('./tsThreadBoot.mjs', import.meta.url);

export function startTsThread(entry: URL): Worker {
  // A clean execArgv: the parent's own loader flags (tsx's, Vitest's) do not apply in a thread.
  return new Worker(BOOT, { workerData: { entry: entry.href }, execArgv: [] });
}
