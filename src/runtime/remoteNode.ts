/**
 * A remote run's handle on one node worker: sends requests and matches replies by id, so the
 * order in which workers answer never matters. It mirrors the worker's node state, so results
 * can arrive as changes to it (wireResult.ts) and leave here whole; remoteRun.ts says when the
 * mirror equals the kernel's state.
 */
import type { Json } from '../sim/json';
import type { NodeWindow } from '../sim/lookahead';
import type { StepRequest, StepResult } from '../sim/simulation';
import type { FromNode, ToNode } from './nodeChannel';
import type { NodeIdentity } from './stepNode';
import type { WindowStep } from './windowStepper';
import { decodeResult, type WireResult } from './wireResult';

/** Anything that can carry messages: a MessagePort, a Worker, a worker_threads port. */
export interface Channel {
  postMessage(message: ToNode): void;
  setListener(listener: (message: FromNode) => void): void;
}

export class RemoteNode {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: FromNode) => void>();
  private readyWaiter: ((reply: FromNode) => void) | null = null;
  /** The worker's node state as of the last result decoded (or state set). */
  private mirror: Json | undefined = undefined;

  constructor(
    readonly id: string,
    private readonly channel: Channel,
  ) {
    channel.setListener((reply) => this.receive(reply));
  }

  private receive(reply: FromNode): void {
    if (reply.type === 'READY' || reply.type === 'INIT_FAILED') {
      this.readyWaiter?.(reply);
      this.readyWaiter = null;
      return;
    }
    const resolve = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    resolve?.(reply);
  }

  init(lab: string, identity: NodeIdentity): Promise<void> {
    return new Promise((resolve, reject) => {
      this.readyWaiter = (reply) => (reply.type === 'INIT_FAILED' ? reject(new Error(reply.error)) : resolve());
      this.channel.postMessage({ type: 'INIT', lab, identity });
    });
  }

  step(request: StepRequest): Promise<StepResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, (reply) => resolve(reply.type === 'RESULT' ? this.decode(reply.result) : { ok: false, error: `unexpected reply ${reply.type}` }));
      this.channel.postMessage({ type: 'STEP', id, input: request.input, now: request.now, rng: request.rng });
    });
  }

  stepWindow(window: NodeWindow): Promise<WindowStep[]> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, (reply) => resolve(reply.type === 'WINDOW_RESULT' ? reply.steps.map(({ key, result }) => ({ key, result: this.decode(result) })) : []));
      this.channel.postMessage({ type: 'STEP_WINDOW', id, window });
    });
  }

  setState(state: Json | undefined): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      // Set when the worker has it: a reply it sent before is decoded against the old state.
      this.waiting.set(id, () => {
        this.mirror = state;
        resolve();
      });
      this.channel.postMessage({ type: 'SET_STATE', id, state });
    });
  }

  /** Results are decoded in the order the worker ran them, which is the order it answers in. */
  private decode(wire: WireResult): StepResult {
    const result = decodeResult(this.mirror, wire);
    if (result.ok) this.mirror = result.state;
    return result;
  }

  /** Fails every pending request: the worker is gone (terminated or crashed). */
  abandon(why: string): void {
    for (const resolve of this.waiting.values()) resolve({ type: 'RESULT', id: 0, result: { ok: false, error: why } });
    this.waiting.clear();
  }
}
