/**
 * A fixed pool of worker threads that take jobs one at a time: a thread that finishes a job gets
 * the next, so long and short seeds even out over the cores. Results come back in the order they
 * finish; the caller sorts when order matters.
 */
import type { Worker } from 'node:worker_threads';
import { startTsThread } from '../hosts/tsThread';

export interface PoolJobs<J> {
  readonly count: number;
  jobAt(index: number): J;
}

function drive<J, R>(worker: Worker, take: () => J | undefined, onResult: (result: R) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const feed = (): void => {
      const job = take();
      if (job === undefined) resolve();
      else worker.postMessage(job);
    };
    worker.on('message', (result: R) => {
      onResult(result);
      feed();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`a pool thread exited early (code ${code})`)));
    feed();
  });
}

export async function runPool<J, R>(entry: URL, threads: number, jobs: PoolJobs<J>, onResult: (result: R) => void): Promise<void> {
  let next = 0;
  const take = (): J | undefined => (next < jobs.count ? jobs.jobAt(next++) : undefined);
  const workers = Array.from({ length: Math.max(1, Math.min(threads, jobs.count)) }, () => startTsThread(entry));
  try {
    await Promise.all(workers.map((w) => drive(w, take, onResult)));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
