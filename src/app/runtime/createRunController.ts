/**
 * The page's RunController: starts the scheduler worker and, on its request, creates and
 * terminates the node workers. Each node worker is a real Worker of the page, so killing a node
 * terminates it for real (and browser tools, tests included, see the worker count drop).
 */
import type { LiveAction, RunController, RunUpdate, Speed } from '../../runtime/browser/controller';
import { FrameDecoder } from '../../runtime/frameStates';
import type { DigestReply, FromScheduler, ToScheduler } from '../../runtime/scheduler/messages';
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

export function createRunController(): LabRunController {
  const scheduler = new Worker(new URL('../workers/scheduler.worker.ts', import.meta.url), { type: 'module', name: 'distlab-scheduler' });
  const nodes = new Map<string, Worker>();
  const updateListeners = new Set<(update: RunUpdate) => void>();
  const errorListeners = new Set<(message: string) => void>();
  const replies = new Map<number, (reply: Reply) => void>();
  const frames = new FrameDecoder();
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

  const spawn = (node: string): void => {
    nodes.get(node)?.terminate();
    const worker = new Worker(new URL('../workers/node.worker.ts', import.meta.url), { type: 'module', name: `distlab-node-${node}` });
    worker.onerror = (event) => fail(`the worker of ${node} failed: ${event.message}`);
    const channel = new MessageChannel();
    worker.postMessage({ port: channel.port2 }, [channel.port2]);
    send({ type: 'NODE_PORT', node, port: channel.port1 }, [channel.port1]);
    nodes.set(node, worker);
  };

  const kill = (node: string): void => {
    nodes.get(node)?.terminate();
    nodes.delete(node);
  };

  scheduler.onmessage = (event: MessageEvent<FromScheduler>) => {
    const message = event.data;
    switch (message.type) {
      case 'SPAWN':
        return spawn(message.node);
      case 'KILL':
        return kill(message.node);
      case 'UPDATE': {
        const update: RunUpdate = { ...message.update, frame: frames.decode(message.update.frame) };
        return updateListeners.forEach((listener) => listener(update));
      }
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
      scheduler.terminate();
      nodes.forEach((worker) => worker.terminate());
      nodes.clear();
    },
  };
}
