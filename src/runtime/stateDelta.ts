/**
 * A node's state as a change from its previous one, for the trip from a node's worker to the
 * scheduler. A step usually touches a few fields of an object state while a Raft log or a lock
 * history only grows, so copying the whole state through postMessage on every step makes a run
 * slower the longer it goes. Only top-level fields whose value is a different object (or
 * primitive) travel, and an array that kept its old elements and grew travels as its new tail.
 *
 * This relies on what every protocol already promises: a step returns new objects for what it
 * changes and never writes into the state it was given (tests/runtime/frozenStates.test.ts holds
 * every lab to it). A field changed in place would look unchanged here.
 */
import type { Json, JsonObject } from '../sim/json';

export type StateDelta =
  | { readonly full: Json }
  | {
      /** Top-level fields with a new value. */
      readonly set: Readonly<Record<string, Json>>;
      /** Array fields that grew: the elements after the old ones. */
      readonly append: Readonly<Record<string, readonly Json[]>>;
      readonly unset: readonly string[];
    };

function isRecord(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The elements `next` added after all of `prev`'s (the same elements, by identity), or null. */
function grownBy(prev: readonly Json[], next: readonly Json[]): Json[] | null {
  if (next.length < prev.length) return null;
  for (let i = 0; i < prev.length; i++) if (next[i] !== prev[i]) return null;
  return next.slice(prev.length);
}

export function diffState(prev: Json | undefined, next: Json): StateDelta {
  if (!isRecord(prev) || !isRecord(next)) return { full: next };
  const set: Record<string, Json> = {};
  const append: Record<string, Json[]> = {};
  const unset: string[] = [];
  for (const key of Object.keys(next)) {
    const before = prev[key];
    const after = next[key] as Json;
    if (before === after) continue;
    const tail = Array.isArray(before) && Array.isArray(after) ? grownBy(before, after) : null;
    if (tail !== null) append[key] = tail;
    else set[key] = after;
  }
  for (const key of Object.keys(prev)) if (!(key in next)) unset.push(key);
  return { set, append, unset };
}

/** The state `delta` describes, built from `prev` without changing it (older states stay valid: checkpoints keep them). */
export function applyStateDelta(prev: Json | undefined, delta: StateDelta): Json {
  if ('full' in delta) return delta.full;
  if (!isRecord(prev)) throw new Error('a state change arrived for a node whose state is not an object');
  // Nothing changed: the same object, so whoever keys on it sees no change either.
  if (Object.keys(delta.set).length === 0 && Object.keys(delta.append).length === 0 && delta.unset.length === 0) return prev;
  const next: Record<string, Json> = { ...prev, ...delta.set };
  for (const [key, tail] of Object.entries(delta.append)) {
    const before = prev[key];
    if (!Array.isArray(before)) throw new Error(`a state change appends to "${key}", which is not a list`);
    next[key] = [...before, ...tail];
  }
  for (const key of delta.unset) delete next[key];
  return next;
}
