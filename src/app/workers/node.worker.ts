/**
 * Entry of a node's worker: one per live node. Its first message carries its channel to the
 * scheduler (a shared-memory link or a MessagePort); everything after comes through it.
 */
import type { ToNode } from '../../runtime/nodeChannel';
import { createNodeEndpoint } from '../../runtime/nodeEndpoint';
import { serveShared, type SharedLink } from '../../runtime/sharedChannel';
import type { Json } from '../../sim/json';
import type { Protocol } from '../../sim/node';
import { findLab } from '../labCatalog';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const lookup = (lab: string, kind: string): Protocol<Json> | undefined => findLab(lab)?.protocols[kind];

scope.onmessage = (event: MessageEvent<{ port: MessagePort } | { shared: SharedLink }>) => {
  scope.onmessage = null;
  const first = event.data;
  if ('shared' in first) {
    // Through shared memory this worker waits on the link until it is told to stop.
    serveShared(first.shared, (reply) => createNodeEndpoint(lookup, reply), (serving) => scope.postMessage(serving));
    scope.close();
    return;
  }
  const port = first.port;
  const endpoint = createNodeEndpoint(lookup, (message) => port.postMessage(message));
  port.onmessage = (e: MessageEvent<ToNode>) => endpoint(e.data);
};
