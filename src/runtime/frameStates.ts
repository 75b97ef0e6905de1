/**
 * Frames cross from the scheduler worker to the page about 30 times a second, and each carries
 * every node's state. Sent whole, a Raft cluster's logs were copied and rebuilt on the page's
 * main thread in every frame, a tenth of that thread while a run played. Here each node's state
 * travels as a change from the one the previous frame carried (stateDelta.ts); the page keeps
 * the states it was sent and rebuilds the rest. A state that did not change arrives as the very
 * object the page already holds, so views keyed on it need not redraw.
 *
 * Both ends must see every frame, in order: the page decodes each message as it arrives, before
 * merging frames or dropping any.
 */
import type { Json } from '../sim/json';
import type { Frame, NodeFrame } from './frame';
import { applyStateDelta, diffState, type StateDelta } from './stateDelta';

/** A node in a frame on the wire: `state` is a change, or null when the node has none yet. */
export type WireNodeFrame = Omit<NodeFrame, 'state'> & { readonly state: StateDelta | null };
export type WireFrame = Omit<Frame, 'nodes'> & { readonly nodes: readonly WireNodeFrame[] };

export class FrameEncoder {
  private readonly sent = new Map<string, Json>();

  encode(frame: Frame): WireFrame {
    const nodes = frame.nodes.map((node): WireNodeFrame => {
      if (node.state === undefined) {
        this.sent.delete(node.id);
        return { ...node, state: null };
      }
      const delta = diffState(this.sent.get(node.id), node.state);
      this.sent.set(node.id, node.state);
      return { ...node, state: delta };
    });
    return { ...frame, nodes };
  }
}

export class FrameDecoder {
  private readonly held = new Map<string, Json>();

  decode(frame: WireFrame): Frame {
    const nodes = frame.nodes.map((node): NodeFrame => {
      if (node.state === null) {
        this.held.delete(node.id);
        return { ...node, state: undefined };
      }
      const state = applyStateDelta(this.held.get(node.id), node.state);
      this.held.set(node.id, state);
      return { ...node, state };
    });
    return { ...frame, nodes };
  }
}
