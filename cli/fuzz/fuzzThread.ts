/** Entry of a fuzz pool thread: runs whole seeds, one at a time, as the main thread hands them out. */
import { parentPort } from 'node:worker_threads';
import type { RunChoice } from '../runConfig';
import { runSeed } from './seedRun';

if (parentPort === null) throw new Error('fuzzThread.ts runs only as a worker thread');
const port = parentPort;
port.on('message', (choice: RunChoice) => port.postMessage(runSeed(choice)));
