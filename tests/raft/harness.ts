/** Test helpers: a step context without a kernel, and short ways to drive one node. */
import type { Json, JsonObject } from '../../src/sim/json';
import type { Effect, NodeId, NodeInput, StepContext } from '../../src/sim/node';
import { DEFAULT_TIMING } from '../../src/protocols/raft/config';
import { raftProtocol } from '../../src/protocols/raft/step';
import type { Message, RaftState } from '../../src/protocols/raft/types';

export function contextFor(id: NodeId, variant: string, options: { now?: number; nodes?: number; params?: Record<string, number> } = {}): StepContext {
  const count = options.nodes ?? 5;
  const ids = Array.from({ length: count }, (_, i) => `n${i + 1}`);
  return {
    id,
    peers: ids.filter((p) => p !== id),
    variant,
    params: { nodes: count, ...DEFAULT_TIMING, ...options.params },
    now: options.now ?? 0,
    random: () => 0.5,
  };
}

export interface Stepped {
  readonly state: RaftState;
  readonly effects: readonly Effect[];
}

export function stepWith(state: RaftState | undefined, input: NodeInput, ctx: StepContext): Stepped {
  const out = raftProtocol.step(state, input, ctx);
  return { state: out.state, effects: out.effects };
}

export const deliver = (from: NodeId, msg: Message): NodeInput => ({ kind: 'message', from, msg: msg as unknown as JsonObject });
export const fire = (name: string): NodeInput => ({ kind: 'timer', name });
export const command = (opId: string, cmd: JsonObject): NodeInput => ({ kind: 'command', opId, cmd });

export function sends(effects: readonly Effect[]): { to: NodeId; msg: Message }[] {
  return effects.flatMap((e) => (e.kind === 'send' ? [{ to: e.to, msg: e.msg as unknown as Message }] : []));
}

export function facts(effects: readonly Effect[], kind?: string): JsonObject[] {
  return effects.flatMap((e) => (e.kind === 'output' && (kind === undefined || e.fact['kind'] === kind) ? [e.fact] : []));
}

export function results(effects: readonly Effect[]): { opId: string; ok: boolean; value?: Json }[] {
  return effects.flatMap((e) => (e.kind === 'result' ? [{ opId: e.opId, ok: e.ok, ...(e.value === undefined ? {} : { value: e.value }) }] : []));
}

/** Index of the first effect of `kind` (and, for persist, its key), or -1. */
export function firstIndexOf(effects: readonly Effect[], kind: Effect['kind']): number {
  return effects.findIndex((e) => e.kind === kind);
}
