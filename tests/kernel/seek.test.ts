import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runUntil, seekInProcess } from '../../src/runtime/inProcess';
import { arbAction } from '../arbitraries';
import { record, runTo } from '../helpers';


describe('seek', () => {
  it('rebuilds exactly the state a straight run has at that time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.array(arbAction(['n1', 'n2', 'n3'], 3000), { maxLength: 8 }), fc.integer({ min: 0, max: 3000 }), (seed, actions, t) => {
        const straight = runTo({ seed, actions, variant: 'hardened' }, t);
        const seeking = runTo({ seed, actions, variant: 'hardened' }, 4000, { checkpointEvery: 50 });
        seekInProcess(seeking, t);
        expect(seeking.sim.world).toEqual(straight.sim.world);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps memory bounded: checkpoints are thinned, never more than the cap', () => {
    const r = record({ seed: 1, params: { tickMs: 5 } }, { checkpointEvery: 10, maxCheckpoints: 16 });
    runUntil(r.sim, r.stepper, 60_000);
    expect(r.sim.world.itemsApplied).toBeGreaterThan(10_000);
    expect(r.sim.checkpointCount).toBeLessThanOrEqual(16);
    expect(r.sim.checkpointCount).toBeGreaterThanOrEqual(8);
    // Seeking still works across the whole run.
    seekInProcess(r, 1234);
    expect(r.sim.now).toBe(1234);
  });

  it('forks the run: an action after a seek replaces the old future', () => {
    const r = record({ seed: 3, actions: [{ at: 900, kind: 'crash', node: 'n1' }] }, { checkpointEvery: 20 });
    runUntil(r.sim, r.stepper, 1500);
    seekInProcess(r, 500);
    r.sim.addAction({ kind: 'crash', node: 'n2' });
    runUntil(r.sim, r.stepper, 1500);
    expect(r.sim.actionList).toEqual([{ at: 500, kind: 'crash', node: 'n2' }]);
    expect(r.sim.world.nodes['n1']?.status).toBe('up');
    expect(r.sim.world.nodes['n2']?.status).toBe('down');
    // The forked run is the same as a fresh run with the new action list.
    const fresh = runTo({ seed: 3, actions: [{ at: 500, kind: 'crash', node: 'n2' }] }, 1500);
    expect(r.sim.world.nodes).toEqual(fresh.sim.world.nodes);
  });

  it('a live action lands where the same action replayed from its list lands', () => {
    const live = record({ seed: 12 });
    runUntil(live.sim, live.stepper, 777);
    live.sim.addAction({ kind: 'pause', node: 'n3', ms: 200 });
    runUntil(live.sim, live.stepper, 2000);
    const replayed = runTo({ seed: 12, actions: live.sim.actionList }, 2000);
    expect(replayed.lines()).toBe(live.lines());
  });
});

describe('live invariant checks', () => {
  it('a violation becomes a trace event and halts the run at the event that broke it', () => {
    const r = record({ variant: 'article', seed: 7, actions: [{ at: 400, kind: 'crash', node: 'n1' }, { at: 600, kind: 'restart', node: 'n1' }] });
    expect(runUntil(r.sim, r.stepper, 5000)).toBe('halted');
    const at = r.events.findIndex((e) => e.type === 'violation');
    const violation = r.events[at];
    expect(violation).toMatchObject({ type: 'violation', rule: 'count-monotonic', nodes: ['n1'] });
    expect(r.events[at - 1]).toMatchObject({ type: 'output', node: 'n1', fact: { kind: 'tick', count: 1 } });
    // A step is atomic: the rest of that step's effects follow, and the run stops there.
    expect(r.events.slice(at).every((e) => e.t === violation?.t)).toBe(true);
    expect(r.sim.now).toBe(violation?.t);
    expect(r.sim.now).toBeLessThan(5000);
  });

  it('the hardened variant, which persists its count, never halts under the same faults', () => {
    const r = record({ variant: 'hardened', seed: 7, actions: [{ at: 400, kind: 'crash', node: 'n1' }, { at: 600, kind: 'restart', node: 'n1' }] });
    expect(runUntil(r.sim, r.stepper, 5000)).toBe('reached');
    expect(r.events.some((e) => e.type === 'violation')).toBe(false);
  });
});
