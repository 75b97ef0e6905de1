/** fast-check generators shared by the property tests. */
import fc from 'fast-check';
import type { Action } from '../src/sim/actions';

/** Faults and commands on the beacon fixture's nodes, at times up to `maxAtMs`. */
export function arbAction(nodes: readonly string[], maxAtMs: number): fc.Arbitrary<Action> {
  const node = fc.constantFrom(...nodes);
  const at = fc.integer({ min: 0, max: maxAtMs });
  return fc.oneof(
    fc.record({ at, kind: fc.constant('crash' as const), node }),
    fc.record({ at, kind: fc.constant('restart' as const), node }),
    fc.record({ at, kind: fc.constant('pause' as const), node, ms: fc.integer({ min: 1, max: 500 }) }),
    fc.record({ at, kind: fc.constant('drift' as const), node, rate: fc.constantFrom(0.5, 1.5, 2) }),
    fc.record({ at, kind: fc.constant('isolate' as const), node }),
    fc.record({ at, kind: fc.constant('split' as const), groups: fc.constant([nodes.slice(0, 1), nodes.slice(1)]) }),
    fc.record({ at, kind: fc.constant('healAll' as const) }),
    fc.record({ at, kind: fc.constant('command' as const), node, cmd: fc.constantFrom({ op: 'get' }, { op: 'set', value: 3 }, { op: 'boom' }) }),
    fc.record({
      at,
      kind: fc.constant('network' as const),
      settings: fc.record({ latencyMsMin: fc.constantFrom(0, 1, 4), latencyMsMax: fc.constant(12), lossRate: fc.constantFrom(0, 0.2, 0.5), duplicateRate: fc.constantFrom(0, 0.3) }),
    }),
  );
}
