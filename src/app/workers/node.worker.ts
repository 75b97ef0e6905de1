/**
 * Entry of a node's worker: one per live node. Its first message carries the port to the
 * scheduler; everything after comes through that port.
 */
import type { ToNode } from '../../runtime/nodeChannel';
import { createNodeEndpoint } from '../../runtime/nodeEndpoint';
import { catalogue } from '../catalogue';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<{ port: MessagePort }>) => {
  const port = event.data.port;
  const endpoint = createNodeEndpoint((lab, kind) => catalogue.protocol(lab, kind), (message) => port.postMessage(message));
  port.onmessage = (e: MessageEvent<ToNode>) => endpoint(e.data);
  scope.onmessage = null;
};
