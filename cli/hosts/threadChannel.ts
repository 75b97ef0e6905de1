/**
 * A worker_threads Worker as a channel to a node. If the thread dies (it failed to load, or
 * exited), every request it had not answered gets a failure reply, so the scheduler never waits
 * forever; the kernel then treats the node as crashed by that error.
 */
import type { Worker } from 'node:worker_threads';
import type { FromNode, ToNode } from '../../src/runtime/nodeChannel';
import type { Channel } from '../../src/runtime/remoteNode';

/** `onPost` sees every request sent, so a host can count its round trips. */
export function threadChannel(worker: Worker, node: string, onPost: (message: ToNode) => void = () => {}): Channel {
  let listener: ((message: FromNode) => void) | null = null;
  let initPending = false;
  const pending = new Set<number>();
  const fail = (why: string): void => {
    if (initPending) listener?.({ type: 'INIT_FAILED', node, error: why });
    initPending = false;
    for (const id of pending) listener?.({ type: 'RESULT', id, result: { ok: false, error: why } });
    pending.clear();
  };
  worker.on('message', (message: FromNode) => {
    // Every reply but READY and INIT_FAILED answers a request by its id.
    if ('id' in message) pending.delete(message.id);
    else initPending = false;
    listener?.(message);
  });
  worker.on('error', (error: unknown) => fail(`${node}'s thread failed: ${error instanceof Error ? error.message : String(error)}`));
  worker.on('exit', (code) => fail(`${node}'s thread exited (code ${code})`));
  return {
    postMessage(message: ToNode) {
      if (message.type === 'INIT') initPending = true;
      else pending.add(message.id);
      onPost(message);
      worker.postMessage(message);
    },
    setListener(next) {
      listener = next;
    },
  };
}
