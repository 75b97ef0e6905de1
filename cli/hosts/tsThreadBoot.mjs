// Entry of every worker thread the CLI starts. Node 20 does not apply `--import tsx` to a
// worker's entry module, so this plain JavaScript entry registers tsx's loader in the thread
// first, then imports the TypeScript entry named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
