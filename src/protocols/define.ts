/**
 * A protocol's step function, built from its handlers. A protocol declares its state `S`, the
 * messages `M` the kinds of its labs send each other (a discriminated union on `type`), what it
 * persists `P` (by key) and, where its variants differ, its rules `R`; `defineProtocol` gives the
 * host the `Protocol<S>` it runs. The wrapper every step needs (a start builds the state, any
 * other input before a start is a bug, effects are collected in order) is written only here, and
 * so are the casts between the host's plain JSON and the protocol's own types.
 *
 * One way of building the next state: a step copies the state it is given once, into `o.s`, and
 * `update` writes that copy. The state it was given is never written (the node workers send only
 * the fields whose value changed, and checkpoints keep older states; tests/runtime/
 * frozenStates.test.ts runs every lab with frozen states), and a step that sets ten fields costs one
 * copy of the state, not ten. Nested values are never written in place: a change to one is a new
 * value set with `update`. Since `o.s` stays the same object all through the step, a reference to
 * it sees every change; one to a nested value keeps the value it had.
 */
import type { JsonObject, ReadonlyJsonObject } from '../sim/json';
import type { Effect, NodeId, NodeInput, Protocol, StepContext, StepOutput } from '../sim/node';
import type { Effects, NothingPersisted, Persisted } from './effects';

/** One step in progress: the node's next state so far, its effects so far, its context and rules. */
export interface Step<S, M = unknown, P extends Persisted = Persisted, R = unknown> extends Effects<M, P> {
  /** The step's own copy of the state: read it here, change it with `update`. */
  readonly s: S;
  readonly ctx: StepContext;
  readonly rules: R;
}

/** Sets fields of the step's own copy of the state (never of the state the step was given). */
export function update<S extends object>(o: { readonly s: S }, change: NoInfer<Partial<S>>): void {
  Object.assign(o.s, change);
}

export interface ProtocolSpec<S, M, P extends Persisted, R> {
  readonly kind: string;
  /** The variant's switches, worked out once per step as `o.rules`. */
  readonly rules?: (ctx: StepContext) => R;
  /** A new incarnation's state: a fresh one (`persisted` null) or one with what it persisted, all it gets back. */
  initial(persisted: Partial<P> | null, ctx: StepContext): S;
  /** Effects of a start: first timers, facts about what it came back with. */
  onStart?(persisted: Partial<P> | null, o: Step<S, M, P, R>): void;
  onMessage?(o: Step<S, M, P, R>, from: NodeId, msg: M): void;
  onTimer?(o: Step<S, M, P, R>, name: string): void;
  /**
   * A client operation; answer it with `result`. Commands come from the page, scenarios and URLs,
   * typed by people, so they stay JSON for the protocol to read field by field.
   */
  onCommand?(o: Step<S, M, P, R>, opId: string, cmd: JsonObject): void;
  /** Asserts what holds after every step; `given` is the state the step was given (none at a start). */
  invariants?(o: Step<S, M, P, R>, given: S | undefined): void;
}

/** `rules` may be left out only by a protocol whose rules may be undefined (the default: it has none). */
type RulesGiven<R> = undefined extends R ? unknown : { readonly rules: (ctx: StepContext) => R };

export function defineProtocol<S extends ReadonlyJsonObject, M extends ReadonlyJsonObject, P extends Persisted = NothingPersisted, R = undefined>(
  spec: ProtocolSpec<S, M, P, R> & RulesGiven<R>,
): Protocol<S> {
  // Sound: without `rules`, R admits undefined (RulesGiven).
  const rulesOf = spec.rules ?? ((): R => undefined as R);

  function begin(state: S, ctx: StepContext): Step<S, M, P, R> {
    return { s: { ...state }, fx: [], ctx, rules: rulesOf(ctx) };
  }

  function finish(o: Step<S, M, P, R>): StepOutput<S> {
    // Sound: a step's sends are messages `M` and its persists values of `P`, both plain data
    // (their constraints say so), which is all an `Effect` carries.
    return { state: o.s, effects: o.fx as readonly Effect[] };
  }

  function step(state: S | undefined, input: NodeInput, ctx: StepContext): StepOutput<S> {
    if (input.kind === 'start') {
      // Sound: a node gets back only what its own `persist` effects wrote, and `persist` takes the
      // keys and values of `P` only. Partial: a key is there once the node first wrote it.
      const persisted = input.persisted as Partial<P> | null;
      const o = begin(spec.initial(persisted, ctx), ctx);
      spec.onStart?.(persisted, o);
      spec.invariants?.(o, undefined);
      return finish(o);
    }
    if (state === undefined) throw new Error(`${spec.kind}: stepped before start`);
    const o = begin(state, ctx);
    switch (input.kind) {
      case 'message':
        // Sound as long as a lab puts together kinds whose unions hold what they send each other
        // (the etcd labs' storage is the lock labs' one: both unions hold the writes and their
        // answers): a message reaches a node only from the lab's other nodes, each of which sends
        // through a typed `send`. A message of the union that is not for its kind is an assertion.
        spec.onMessage?.(o, input.from, input.msg as M);
        break;
      case 'timer':
        spec.onTimer?.(o, input.name);
        break;
      case 'command':
        spec.onCommand?.(o, input.opId, input.cmd);
        break;
    }
    spec.invariants?.(o, state);
    return finish(o);
  }

  return { kind: spec.kind, step };
}
