/**
 * Entry of a node's worker: one per live node. Its first message carries the port to the
 * scheduler; everything after comes through that port.
 */
import type { ToNode } from '../../runtime/nodeChannel';
import { createNodeEndpoint } from '../../runtime/nodeEndpoint';
import type { Json } from '../../sim/json';
import type { Protocol } from '../../sim/node';
import { findLab } from '../labCatalog';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const lookup = (lab: string, kind: string): Protocol<Json> | undefined => findLab(lab)?.protocols[kind];

scope.onmessage = (event: MessageEvent<{ port: MessagePort }>) => {
  const port = event.data.port;
  const endpoint = createNodeEndpoint(lookup, (message) => port.postMessage(message));
  port.onmessage = (e: MessageEvent<ToNode>) => endpoint(e.data);
  scope.onmessage = null;
};
