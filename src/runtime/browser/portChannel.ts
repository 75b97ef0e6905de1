/** A MessagePort as a channel to a node worker. */
import type { FromNode } from '../nodeChannel';
import type { Channel } from '../remoteNode';

export function portChannel(port: MessagePort): Channel {
  return {
    postMessage: (message) => port.postMessage(message),
    setListener: (listener) => {
      port.onmessage = (event: MessageEvent<FromNode>) => listener(event.data);
    },
  };
}
