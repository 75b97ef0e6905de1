/**
 * The page's RunController: starts the scheduler worker and, on its request, creates and
 * terminates the node workers. Each node worker is a real Worker of the page, so killing a node
 * terminates it for real (and browser tools, tests included, see the worker count drop).
 */
import type { LiveAction, RunController, RunUpdate, Speed } from '../../runtime/browser/controller';
import type { DigestReply, FromScheduler, ToScheduler } from '../../runtime/scheduler/messages';
import { createSharedLink, SERVING, sharedMemoryAvailable, stopSharedServer, type SharedLink } from '../../runtime/sharedChannel';
import type { RunSpec } from '../../sim/simulation';

export interface LabRunController extends RunController {
  /** The digest of the trace as the workers produced it (for host-equivalence checks). */
  digest(): Promise<DigestReply>;
  /** Plays at full speed until virtual time `untilMs`, then pauses. */
  playUntil(untilMs: number): void;
  /** Live node workers. */
  readonly nodeWorkerCount: number;
}

type Reply = Extract<FromScheduler, { id: number }>;

export interface RunControllerOptions {
  /** How the scheduler reaches node workers: shared memory when the page allows it, or messages. */
  readonly transport?: 'auto' | 'messages';
}

export function createRunController(options: RunControllerOptions = {}): LabRunController {
  const shared = options.transport !== 'messages' && sharedMemoryAvailable();
  const scheduler = new Worker(new URL('../workers/scheduler.worker.ts', import.meta.url), { type: 'module', name: 'distlab-scheduler' });
  const nodes = new Map<string, Worker>();
  const links = new Map<string, SharedLink>();
  const updateListeners = new Set<(update: RunUpdate) => void>();
  const errorListeners = new Set<(message: string) => void>();
  const replies = new Map<number, (reply: Reply) => void>();
  let nextId = 1;

  const send = (message: ToScheduler, transfer: Transferable[] = []): void => scheduler.postMessage(message, transfer);
  const fail = (message: string): void => errorListeners.forEach((listener) => listener(message));
  const ask = <R>(make: (id: number) => ToScheduler, read: (reply: Reply) => R): Promise<R> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      replies.set(id, (reply) => {
        try {
          resolve(read(reply));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      send(make(id));
    });

  const terminate = (node: string): void => {
    const link = links.get(node);
    if (link !== undefined) stopSharedServer(link);
    links.delete(node);
    nodes.get(node)?.terminate();
    nodes.delete(node);
  };

  const spawn = (node: string): void => {
    terminate(node);
    const worker = new Worker(new URL('../workers/node.worker.ts', import.meta.url), { type: 'module', name: `distlab-node-${node}` });
    worker.onerror = (event) => fail(`the worker of ${node} failed: ${event.message}`);
    if (shared) {
      const link = createSharedLink();
      links.set(node, link);
      // The scheduler gets the link once the worker waits on it, so it never blocks on a worker
      // that is still loading.
      worker.onmessage = (event: MessageEvent<unknown>) => {
        if (event.data === SERVING && nodes.get(node) === worker) send({ type: 'NODE_SHARED', node, link });
      };
      worker.postMessage({ shared: link });
    } else {
      const channel = new MessageChannel();
      worker.postMessage({ port: channel.port2 }, [channel.port2]);
      send({ type: 'NODE_PORT', node, port: channel.port1 }, [channel.port1]);
    }
    nodes.set(node, worker);
  };

  scheduler.onmessage = (event: MessageEvent<FromScheduler>) => {
    const message = event.data;
    switch (message.type) {
      case 'SPAWN':
        return spawn(message.node);
      case 'KILL':
        return terminate(message.node);
      case 'UPDATE':
        return updateListeners.forEach((listener) => listener(message.update));
      case 'ERROR':
        return fail(message.message);
      case 'LOADED':
      case 'EXPORTED':
      case 'DIGESTED':
        replies.get(message.id)?.(message);
        replies.delete(message.id);
    }
  };
  scheduler.onerror = (event) => fail(`the scheduler stopped: ${event.message}`);

  return {
    load: (spec: RunSpec) =>
      ask(
        (id) => ({ type: 'LOAD', id, spec }),
        (reply) => {
          if (reply.type === 'LOADED' && reply.error !== undefined) throw new Error(reply.error);
        },
      ),
    play: (speed: Speed) => send({ type: 'PLAY', speed }),
    playUntil: (untilMs: number) => send({ type: 'PLAY', speed: 'max', untilMs }),
    pause: () => send({ type: 'PAUSE' }),
    step: () => send({ type: 'STEP' }),
    seek: (t: number) => send({ type: 'SEEK', t }),
    act: (action: LiveAction) => send({ type: 'ACT', action }),
    exportTrace: () => ask((id) => ({ type: 'EXPORT', id }), (reply) => (reply.type === 'EXPORTED' ? reply.text : '')),
    digest: () => ask((id) => ({ type: 'DIGEST', id }), (reply) => (reply.type === 'DIGESTED' ? reply.reply : { events: 0, digest: '', liveOnly: false })),
    subscribe: (listener) => {
      updateListeners.add(listener);
      return () => updateListeners.delete(listener);
    },
    onError: (listener) => {
      errorListeners.add(listener);
      return () => errorListeners.delete(listener);
    },
    get nodeWorkerCount() {
      return nodes.size;
    },
    dispose: () => {
      [...nodes.keys()].forEach(terminate);
      scheduler.terminate();
    },
  };
}
