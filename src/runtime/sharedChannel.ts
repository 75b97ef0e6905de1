/**
 * A channel to a node worker through shared memory, for hosts that allow it (Node's
 * worker_threads always; a browser page only when it is cross-origin isolated). A postMessage
 * round trip costs tens to hundreds of microseconds, mostly in waking the other thread through
 * its event loop; here the node worker waits on an Atomics futex and answers in a few.
 *
 * Layout: four Int32 control words (request flag and length, reply flag and length) and two byte
 * areas. Messages are JSON. Each request gets exactly one reply, and a requester has at most one
 * request out at a time (it collects the previous reply before it writes the next request).
 */
import type { FromNode, ToNode } from './nodeChannel';
import type { Channel } from './remoteNode';

export interface SharedLink {
  readonly control: SharedArrayBuffer;
  readonly request: SharedArrayBuffer;
  readonly reply: SharedArrayBuffer;
}

const REQUEST_FLAG = 0;
const REQUEST_LENGTH = 1;
const REPLY_FLAG = 2;
const REPLY_LENGTH = 3;
/** Enough for a lookahead window of a node with a long log; a larger message is a clear error. */
export const SHARED_CAPACITY_BYTES = 8 * 1024 * 1024;
/**
 * What a node worker posts (as an ordinary message) once it waits on its link. Hosts hand the
 * link to the scheduler only then, so the scheduler never blocks while a worker is still loading.
 */
export const SERVING = 'distlab:serving';

/** A node worker that does not answer in this long is taken as dead. */
const REPLY_TIMEOUT_MS = 15_000;

export function sharedMemoryAvailable(): boolean {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  return typeof SharedArrayBuffer === 'function' && typeof Atomics.wait === 'function' && isolated !== false;
}

export function createSharedLink(capacityBytes = SHARED_CAPACITY_BYTES): SharedLink {
  return { control: new SharedArrayBuffer(16), request: new SharedArrayBuffer(capacityBytes), reply: new SharedArrayBuffer(capacityBytes) };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function write(area: SharedArrayBuffer, message: unknown): number {
  // Encoders and decoders refuse shared views in browsers, so bytes go through a private copy.
  const bytes = encoder.encode(JSON.stringify(message));
  if (bytes.length > area.byteLength) throw new Error(`a message of ${bytes.length} bytes does not fit the ${area.byteLength}-byte shared area`);
  new Uint8Array(area).set(bytes);
  return bytes.length;
}

function read<T>(area: SharedArrayBuffer, length: number): T {
  return JSON.parse(decoder.decode(new Uint8Array(area).slice(0, length))) as T;
}

/** The scheduler's side: requests go out at once; each reply is collected in a microtask. */
export function sharedRequester(link: SharedLink, node: string): Channel {
  const control = new Int32Array(link.control);
  let listener: (message: FromNode) => void = () => {};
  let outstanding: ToNode | null = null;
  const collect = (): void => {
    const sent = outstanding;
    if (sent === null) return;
    outstanding = null;
    if (Atomics.wait(control, REPLY_FLAG, 0, REPLY_TIMEOUT_MS) === 'timed-out' && Atomics.load(control, REPLY_FLAG) === 0) {
      const why = `${node}'s worker did not answer within ${REPLY_TIMEOUT_MS / 1000} s`;
      listener(sent.type === 'INIT' ? { type: 'INIT_FAILED', node, error: why } : { type: 'RESULT', id: sent.id, result: { ok: false, error: why } });
      return;
    }
    const reply = read<FromNode>(link.reply, Atomics.load(control, REPLY_LENGTH));
    Atomics.store(control, REPLY_FLAG, 0);
    listener(reply);
  };
  return {
    postMessage(message) {
      collect();
      Atomics.store(control, REQUEST_LENGTH, write(link.request, message));
      Atomics.store(control, REQUEST_FLAG, 1);
      Atomics.notify(control, REQUEST_FLAG);
      outstanding = message;
      // Collected after the other requests of this round are out, so the workers run in parallel.
      queueMicrotask(collect);
    },
    setListener(next) {
      listener = next;
    },
  };
}

/** The request flag's value that tells a node worker to stop waiting (it is being terminated). */
const STOP = 2;

/**
 * Wakes a node worker out of its wait so that terminating it takes effect: a browser does not
 * finish terminating a worker that sits in Atomics.wait.
 */
export function stopSharedServer(link: SharedLink): void {
  const control = new Int32Array(link.control);
  Atomics.store(control, REQUEST_FLAG, STOP);
  Atomics.notify(control, REQUEST_FLAG);
}

/**
 * The node worker's side: `makeHandler` gets the function that sends a reply and returns the
 * handler of requests (a node endpoint). Waits for each request and answers it, until told to stop.
 */
export function serveShared(link: SharedLink, makeHandler: (reply: (message: FromNode) => void) => (message: ToNode) => void, announce: (serving: typeof SERVING) => void): void {
  const control = new Int32Array(link.control);
  announce(SERVING);
  const handle = makeHandler((message) => {
    Atomics.store(control, REPLY_LENGTH, write(link.reply, message));
    Atomics.store(control, REPLY_FLAG, 1);
    Atomics.notify(control, REPLY_FLAG);
  });
  for (;;) {
    Atomics.wait(control, REQUEST_FLAG, 0);
    if (Atomics.load(control, REQUEST_FLAG) === STOP) return;
    const message = read<ToNode>(link.request, Atomics.load(control, REQUEST_LENGTH));
    Atomics.store(control, REQUEST_FLAG, 0);
    handle(message);
  }
}
