import { describe, expect, it } from 'vitest';
import type { FromScheduler } from '../../src/runtime/scheduler/messages';
import { SchedulerCore } from '../../src/runtime/scheduler/schedulerCore';
import { rerunLines } from '../../src/runtime/exportTrace';
import type { RunUpdate } from '../../src/runtime/browser/controller';
import { FrameDecoder } from '../../src/runtime/frameStates';
import { digestOfLines } from '../../src/sim/traceDigest';
import { fixtureLabs } from '../fixtures';
import { specFor } from '../helpers';
import { beaconLab } from '../fixtures/beaconLab';
import { InMemoryWorkers } from './inMemoryWorkers';

/** `tick` is how far the wall clock moves per reading: coarse browser clocks often read the same. */
function harness(tick = 1) {
  const workers = new InMemoryWorkers();
  const posted: FromScheduler[] = [];
  // Decoded as the page does: every update, in order, as it arrives.
  const frames = new FrameDecoder();
  const updates: RunUpdate[] = [];
  let wall = 0;
  const core = new SchedulerCore({
    findLab: (id) => fixtureLabs.find((l) => l.id === id),
    post: (m) => {
      posted.push(m);
      if (m.type === 'UPDATE') updates.push({ ...m.update, frame: frames.decode(m.update.frame) });
    },
    spawner: workers,
    wallNow: () => (wall += tick),
    sleep: () => new Promise((resolve) => setTimeout(resolve, 0)),
  });
  const last = (): RunUpdate | undefined => updates.at(-1);
  const settle = async (until: () => boolean) => {
    for (let i = 0; i < 2000 && !until(); i++) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(until()).toBe(true);
  };
  return { core, log: workers.log, posted, last, settle };
}

describe('the scheduler', () => {
  it('plays to a time through node workers and writes the same trace as the in-process host', async () => {
    const h = harness();
    const spec = specFor(beaconLab, { seed: 21, actions: [{ at: 300, kind: 'crash', node: 'n2' }, { at: 500, kind: 'restart', node: 'n2' }] });
    h.core.receive({ type: 'LOAD', id: 1, spec });
    h.core.receive({ type: 'PLAY', speed: 'max', untilMs: 1500 });
    await h.settle(() => h.last()?.playing === false && (h.last()?.frame.now ?? 0) >= 1500);
    expect(h.log).toEqual(['spawn n1', 'spawn n2', 'spawn n3', 'kill n2', 'spawn n2']);
    h.core.receive({ type: 'DIGEST', id: 2 });
    await h.settle(() => h.posted.some((m) => m.type === 'DIGESTED'));
    const reply = h.posted.find((m) => m.type === 'DIGESTED');
    const expected = rerunLines(beaconLab, spec, h.last()!.frame.eventCount);
    expect(reply).toMatchObject({ reply: { events: expected.length, digest: digestOfLines(expected), liveOnly: true } });
  });

  it('plays at full speed to a time and pauses there even when the wall clock does not move', async () => {
    const h = harness(0);
    h.core.receive({ type: 'LOAD', id: 1, spec: specFor(beaconLab, { seed: 2 }) });
    h.core.receive({ type: 'PLAY', speed: 'max', untilMs: 800 });
    await h.settle(() => h.last()?.playing === false && (h.last()?.frame.now ?? 0) >= 800);
    expect(h.last()?.frame.now).toBe(800);
  });

  it('seeks back, shows that moment, and forks on the next action', async () => {
    const h = harness();
    h.core.receive({ type: 'LOAD', id: 1, spec: specFor(beaconLab, { seed: 4 }) });
    h.core.receive({ type: 'PLAY', speed: 'max', untilMs: 3000 });
    await h.settle(() => h.last()?.playing === false && (h.last()?.frame.now ?? 0) >= 3000);
    h.core.receive({ type: 'SEEK', t: 1000 });
    await h.settle(() => h.last()?.frame.now === 1000);
    expect(h.last()?.reset).toBe(true);
    expect(h.last()?.events.at(-1)?.t).toBeLessThanOrEqual(1000);
    h.core.receive({ type: 'ACT', action: { kind: 'crash', node: 'n3' } });
    await h.settle(() => h.last()?.frame.nodes.find((n) => n.id === 'n3')?.status === 'down');
    expect(h.last()?.frame.actions).toEqual([{ at: 1000, kind: 'crash', node: 'n3' }]);
    expect(h.log.at(-1)).toBe('kill n3');
  });

  it('halts on a violation and says which rule broke', async () => {
    const h = harness();
    const spec = specFor(beaconLab, { variant: 'article', seed: 7, actions: beaconLab.scenarios[0]!.actions });
    h.core.receive({ type: 'LOAD', id: 1, spec });
    h.core.receive({ type: 'PLAY', speed: 'max' });
    await h.settle(() => h.last()?.playing === false && (h.last()?.halted.length ?? 0) > 0);
    expect(h.last()?.halted[0]).toMatchObject({ type: 'violation', rule: 'count-monotonic', nodes: ['n1'] });
    expect(h.last()?.frame.checkers).toEqual([{ rule: 'count-monotonic', description: expect.any(String), violated: true }]);
  });

  it('plays on after a pause that came in the middle of a lookahead window, at any speed', async () => {
    const h = harness();
    h.core.receive({ type: 'LOAD', id: 1, spec: specFor(beaconLab, { seed: 3 }) });
    for (let round = 0; round < 20; round++) {
      h.core.receive({ type: 'PLAY', speed: round % 2 === 0 ? 'max' : 1 });
      const from = h.last()?.frame.now ?? 0;
      await h.settle(() => (h.last()?.frame.now ?? 0) > from);
      h.core.receive({ type: 'PAUSE' });
      await h.settle(() => h.last()?.playing === false);
    }
    expect(h.posted.filter((m) => m.type === 'ERROR')).toEqual([]);
  });

  it('answers a load it cannot do with a clear error and keeps going', async () => {
    const h = harness();
    h.core.receive({ type: 'LOAD', id: 1, spec: { ...specFor(beaconLab), lab: 'nope' } });
    h.core.receive({ type: 'LOAD', id: 2, spec: { ...specFor(beaconLab), variant: 'fancy' } });
    h.core.receive({ type: 'LOAD', id: 3, spec: specFor(beaconLab) });
    await h.settle(() => h.posted.filter((m) => m.type === 'LOADED').length === 3);
    const loaded = h.posted.filter((m) => m.type === 'LOADED');
    expect(loaded[0]).toMatchObject({ id: 1, error: 'unknown lab "nope"' });
    expect(loaded[1]).toMatchObject({ id: 2, error: expect.stringContaining('unknown variant "fancy"') });
    expect(loaded[2]).toEqual({ type: 'LOADED', id: 3 });
  });
});
