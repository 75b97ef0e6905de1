/**
 * Runs one node step the same way on every host: builds the context, catches a throwing node
 * and turns it into an error result (the kernel then crashes that node and the run goes on).
 */
import type { Json } from '../sim/json';
import type { NodeId, NodeInput, ParamValue, Protocol, StepContext } from '../sim/node';
import { nextFloat, type RandomState } from '../sim/random';
import type { StepResult } from '../sim/simulation';

/** What a node knows that never changes during its life. */
export interface NodeIdentity {
  readonly id: NodeId;
  readonly kind: string;
  readonly peers: readonly NodeId[];
  readonly variant: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}

class Context implements StepContext {
  readonly id: string;
  readonly peers: readonly string[];
  readonly variant: string;
  readonly params: Readonly<Record<string, ParamValue>>;

  constructor(
    identity: NodeIdentity,
    readonly now: number,
    private readonly rng: RandomState,
  ) {
    this.id = identity.id;
    this.peers = identity.peers;
    this.variant = identity.variant;
    this.params = identity.params;
  }

  random(): number {
    return nextFloat(this.rng);
  }
}

export function stepNode(protocol: Protocol<Json>, identity: NodeIdentity, state: Json | undefined, input: NodeInput, now: number, rngIn: RandomState): StepResult {
  // A copy, so a step that throws halfway has not advanced the node's stream on any host.
  const rng: RandomState = [rngIn[0], rngIn[1], rngIn[2], rngIn[3]];
  const ctx = new Context(identity, now, rng);
  try {
    const out = protocol.step(state, input, ctx);
    return { ok: true, state: out.state, effects: out.effects, rng };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export function identitiesOf(nodes: readonly { id: NodeId; kind: string }[], variant: string, params: Readonly<Record<string, ParamValue>>): NodeIdentity[] {
  return nodes.map((n) => ({ id: n.id, kind: n.kind, peers: nodes.filter((p) => p.id !== n.id).map((p) => p.id), variant, params }));
}
