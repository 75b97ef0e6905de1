/**
 * Entry of the scheduler worker. The main thread owns the node workers (so each is a real,
 * terminable Worker of the page) and hands this worker a MessagePort to each; from then on steps
 * go straight between this worker and the node workers, never through the main thread.
 */
import { portChannel } from '../../runtime/browser/portChannel';
import type { FromScheduler, ToScheduler } from '../../runtime/scheduler/messages';
import type { NodeSpawner } from '../../runtime/scheduler/nodeFleet';
import { SchedulerCore } from '../../runtime/scheduler/schedulerCore';
import type { Channel } from '../../runtime/remoteNode';
import { catalogue } from '../catalogue';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromScheduler): void => scope.postMessage(message);
const awaitingPort = new Map<string, (port: MessagePort) => void>();

const spawner: NodeSpawner = {
  spawn: (node) =>
    new Promise<Channel>((resolve) => {
      awaitingPort.set(node, (port) => resolve(portChannel(port)));
      post({ type: 'SPAWN', node });
    }),
  kill: (node) => post({ type: 'KILL', node }),
};

const core = new SchedulerCore({
  findLab: (id) => catalogue.find(id),
  post,
  spawner,
  wallNow: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});

scope.onmessage = (event: MessageEvent<ToScheduler>) => {
  const message = event.data;
  if (message.type === 'NODE_PORT') {
    awaitingPort.get(message.node)?.(message.port);
    awaitingPort.delete(message.node);
    return;
  }
  core.receive(message);
};
