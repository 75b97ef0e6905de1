/**
 * Entry of a node's worker thread: one thread per live node, like the page's one Web Worker per
 * node. It holds the node's state and runs its steps; the scheduler decides what it gets and when.
 */
import { parentPort } from 'node:worker_threads';
import type { ToNode } from '../../src/runtime/nodeChannel';
import { createNodeEndpoint } from '../../src/runtime/nodeEndpoint';
import { catalogue } from '../catalogue';

if (parentPort === null) throw new Error('threadNode.ts runs only as a worker thread');
const port = parentPort;
const endpoint = createNodeEndpoint((lab, kind) => catalogue.protocol(lab, kind), (message) => port.postMessage(message));
port.on('message', (message: ToNode) => endpoint(message));
