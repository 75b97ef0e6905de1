/** Node states sent as changes: what arrives is the state that was sent, and a grown log costs its new entries only. */
import fc from 'fast-check';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../src/sim/json';
import type { StepResult } from '../../src/sim/simulation';
import { applyStateDelta, diffState } from '../../src/runtime/stateDelta';
import { decodeResult, encodeResult } from '../../src/runtime/wireResult';

const field = fc.constantFrom('role', 'term', 'log', 'kv', 'votes', 'extra');
const value: fc.Arbitrary<Json> = fc.jsonValue() as fc.Arbitrary<Json>;

/** A next state as protocols make them: a copy of the previous one with some fields replaced, grown or dropped. */
const edit = fc.oneof(
  fc.record({ op: fc.constant('set' as const), key: field, value }),
  fc.record({ op: fc.constant('grow' as const), key: field, items: fc.array(value, { maxLength: 4 }) }),
  fc.record({ op: fc.constant('drop' as const), key: field }),
);

type Edit = { readonly op: 'set' | 'grow' | 'drop'; readonly key: string; readonly value?: Json; readonly items?: readonly Json[] };

function applyEdits(prev: JsonObject, edits: readonly Edit[]): JsonObject {
  let next: Record<string, Json> = { ...prev };
  for (const e of edits) {
    if (e.op === 'set') next = { ...next, [e.key]: e.value as Json };
    if (e.op === 'drop') {
      const { [e.key]: _gone, ...rest } = next;
      next = rest;
    }
    if (e.op === 'grow') {
      const before = next[e.key];
      next = { ...next, [e.key]: [...(Array.isArray(before) ? before : []), ...(e.items ?? [])] };
    }
  }
  return next;
}

describe('state changes', () => {
  it('rebuild exactly the next state, for any edits of any state, without touching the previous one', () => {
    fc.assert(
      fc.property(fc.dictionary(field, value), fc.array(edit, { maxLength: 6 }), (prev, edits) => {
        const next = applyEdits(prev as JsonObject, edits);
        const before = structuredClone(prev);
        // What crosses the thread boundary is a copy: decode from a clone, as the scheduler does.
        const rebuilt = applyStateDelta(structuredClone(prev), structuredClone(diffState(prev, next)));
        expect(rebuilt).toEqual(next);
        expect(prev).toEqual(before);
      }),
    );
  });

  it('send one new log entry, not the log, when a 1000-entry log grows by one', () => {
    const log = Array.from({ length: 1000 }, (_, i) => ({ term: 1 + (i >> 7), cmd: `put k${i} ${i}` }));
    const prev: JsonObject = { role: 'leader', term: 8, log, commitIndex: 999 };
    const next: JsonObject = { ...prev, log: [...log, { term: 8, cmd: 'put k 1' }] };
    const delta = diffState(prev, next);
    expect(delta).toEqual({ set: {}, append: { log: [{ term: 8, cmd: 'put k 1' }] }, unset: [] });
    expect(serialize(delta).length * 100).toBeLessThan(serialize(next).length);
  });

  it('name a persisted field of the new state rather than copy it, and give it back whole', () => {
    const log = [{ term: 1, cmd: 'a' }];
    const prev: JsonObject = { term: 1, log: [] };
    const result: StepResult = {
      ok: true,
      state: { term: 1, log },
      effects: [
        { kind: 'persist', key: 'log', value: log },
        { kind: 'persist', key: 'term', value: 1 },
      ],
      rng: [1, 2, 3, 4],
    };
    const wire = encodeResult(prev, result);
    expect(wire.ok && wire.effects[0]).toEqual({ kind: 'persistField', key: 'log', field: 'log' });
    expect(decodeResult(structuredClone(prev), structuredClone(wire))).toEqual(result);
  });

  it('send the whole state when it is not an object, and pass errors through', () => {
    expect(diffState(undefined, { a: 1 })).toEqual({ full: { a: 1 } });
    expect(diffState([1], [1, 2])).toEqual({ full: [1, 2] });
    expect(encodeResult({}, { ok: false, error: 'boom' })).toEqual({ ok: false, error: 'boom' });
  });
});
