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

export function createNodeEndpoint(lookup: ProtocolLookup, post: (message: FromNode) => void): (message: ToNode) => void {
  let protocol: Protocol<Json> | undefined;
  let identity: NodeIdentity | undefined;
  let state: Json | undefined;
  return (message) => {
    switch (message.type) {
      case 'INIT': {
        identity = message.identity;
        protocol = lookup(message.lab, identity.kind);
        if (protocol === undefined) post({ type: 'INIT_FAILED', node: identity.id, error: `no protocol "${identity.kind}" in lab "${message.lab}"` });
        else post({ type: 'READY', node: identity.id });
        return;
      }
      case 'STEP': {
        if (protocol === undefined || identity === undefined) {
          post({ type: 'RESULT', id: message.id, result: { ok: false, error: 'the node worker was stepped before INIT' } });
          return;
        }
        const result = stepNode(protocol, identity, state, message.input, message.now, message.rng);
        const wire = encodeResult(state, result);
        if (result.ok) state = result.state;
        post({ type: 'RESULT', id: message.id, result: wire });
        return;
      }
      case 'STEP_WINDOW': {
        if (protocol === undefined || identity === undefined) {
          post({ type: 'WINDOW_RESULT', id: message.id, steps: [] });
          return;
        }
        const ran = stepWindow(protocol, identity, state, message.window);
        // Each step's change is from the state the step before it left.
        let before = state;
        const steps = ran.steps.map(({ key, result }) => {
          const wire = encodeResult(before, result);
          if (result.ok) before = result.state;
          return { key, result: wire };
        });
        state = ran.state;
        post({ type: 'WINDOW_RESULT', id: message.id, steps });
        return;
      }
      case 'SET_STATE':
        state = message.state;
        post({ type: 'STATE_SET', id: message.id });
    }
  };
}
