/**
 * The inside of a node's worker: answers the scheduler's messages by running the node's steps.
 * Shared by the browser's Web Worker entry and Node's worker_threads entry.
 */
import type { Json } from '../sim/json';
import type { Protocol } from '../sim/node';
import type { FromNode, ToNode } from './nodeChannel';
import { stepNode, type NodeIdentity } from './stepNode';
import { stepWindow } from './windowStepper';
import { encodeResult } from './wireResult';

export type ProtocolLookup = (lab: string, kind: string) => Protocol<Json> | undefined;

export class NodeEndpoint {
  private protocol: Protocol<Json> | undefined;
  private identity: NodeIdentity | undefined;
  private held: Json | undefined;

  constructor(
    private readonly lookup: ProtocolLookup,
    private readonly post: (message: FromNode) => void,
  ) {}

  /** The node's state as this worker holds it (tests hold it next to the kernel's). */
  get state(): Json | undefined {
    return this.held;
  }

  receive(message: ToNode): void {
    const { protocol, identity, post } = this;
    switch (message.type) {
      case 'INIT': {
        this.identity = message.identity;
        this.protocol = this.lookup(message.lab, message.identity.kind);
        if (this.protocol === undefined) post({ type: 'INIT_FAILED', node: message.identity.id, error: `no protocol "${message.identity.kind}" in lab "${message.lab}"` });
        else post({ type: 'READY', node: message.identity.id });
        return;
      }
      case 'STEP': {
        if (protocol === undefined || identity === undefined) {
          post({ type: 'RESULT', id: message.id, result: { ok: false, error: 'the node worker was stepped before INIT' } });
          return;
        }
        const result = stepNode(protocol, identity, this.held, message.input, message.now, message.rng);
        const wire = encodeResult(this.held, result);
        if (result.ok) this.held = result.state;
        post({ type: 'RESULT', id: message.id, result: wire });
        return;
      }
      case 'STEP_WINDOW': {
        if (protocol === undefined || identity === undefined) {
          post({ type: 'WINDOW_RESULT', id: message.id, steps: [] });
          return;
        }
        const ran = stepWindow(protocol, identity, this.held, message.window);
        // Each step's change is from the state the step before it left.
        let before = this.held;
        const steps = ran.steps.map(({ key, result }) => {
          const wire = encodeResult(before, result);
          if (result.ok) before = result.state;
          return { key, result: wire };
        });
        this.held = ran.state;
        post({ type: 'WINDOW_RESULT', id: message.id, steps });
        return;
      }
      case 'SET_STATE':
        this.held = message.state;
        post({ type: 'STATE_SET', id: message.id });
    }
  }
}

export function createNodeEndpoint(lookup: ProtocolLookup, post: (message: FromNode) => void): (message: ToNode) => void {
  const endpoint = new NodeEndpoint(lookup, post);
  return (message) => endpoint.receive(message);
}
