/**
 * A step result as it crosses from a node's worker to the scheduler: the state as a change from
 * the previous one (stateDelta.ts), and a `persist` whose value is one of the new state's own
 * fields (Raft persists its log, the same array as `state.log`) named instead of copied.
 * Both ends keep the node's previous state: the worker its own, the scheduler a mirror of it.
 */
import type { Json, JsonObject } from '../sim/json';
import type { Effect } from '../sim/node';
import type { StepResult } from '../sim/simulation';
import { applyStateDelta, diffState, type StateDelta } from './stateDelta';

/** A persist of the state field `field`'s value. */
type PersistField = { readonly kind: 'persistField'; readonly key: string; readonly field: string };
export type WireEffect = Effect | PersistField;

export type WireResult =
  | { readonly ok: true; readonly delta: StateDelta; readonly effects: readonly WireEffect[]; readonly rng: Extract<StepResult, { ok: true }>['rng'] }
  | Extract<StepResult, { ok: false }>;

function fieldHolding(state: Json | undefined, value: Json): string | null {
  if (typeof value !== 'object' || value === null || typeof state !== 'object' || state === null || Array.isArray(state)) return null;
  for (const [field, v] of Object.entries(state)) if (v === value) return field;
  return null;
}

export function encodeResult(prev: Json | undefined, result: StepResult): WireResult {
  if (!result.ok) return result;
  const effects = result.effects.map((e): WireEffect => {
    if (e.kind !== 'persist') return e;
    const field = fieldHolding(result.state, e.value);
    return field === null ? e : { kind: 'persistField', key: e.key, field };
  });
  return { ok: true, delta: diffState(prev, result.state), effects, rng: result.rng };
}

export function decodeResult(prev: Json | undefined, wire: WireResult): StepResult {
  if (!wire.ok) return wire;
  const state = applyStateDelta(prev, wire.delta);
  const effects = wire.effects.map((e): Effect => (e.kind === 'persistField' ? { kind: 'persist', key: e.key, value: (state as JsonObject)[e.field] as Json } : e));
  return { ok: true, state, effects, rng: wire.rng };
}
