import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/sim/trace';
import { runTo } from '../helpers';

type Of<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;
const only = <T extends TraceEvent['type']>(events: TraceEvent[], type: T): Of<T>[] => events.filter((e): e is Of<T> => e.type === type);

describe('node faults', () => {
  it('a crashed node receives nothing: messages to it are dropped as "down"', () => {
    const { events } = runTo({ seed: 2, actions: [{ at: 300, kind: 'crash', node: 'n2' }] }, 1500);
    const after = events.filter((e) => e.t > 300);
    expect(after.some((e) => e.type === 'deliver' && e.to === 'n2')).toBe(false);
    expect(after.some((e) => e.type === 'timer' && e.node === 'n2')).toBe(false);
    expect(only(after, 'drop').filter((e) => e.to === 'n2' && e.reason === 'down').length).toBeGreaterThan(0);
  });

  it('a restarted node gets only its persisted data back', () => {
    const crashAt = 500;
    const hardened = runTo({ variant: 'hardened', seed: 4, actions: [{ at: crashAt, kind: 'crash', node: 'n1' }, { at: 700, kind: 'restart', node: 'n1' }] }, 700);
    const lastCount = Math.max(...only(hardened.events, 'output').filter((e) => e.node === 'n1' && e.t <= crashAt).map((e) => Number(e.fact['count'])));
    expect(hardened.sim.world.nodes['n1']?.state).toEqual({ count: lastCount, pongs: 0, value: 0 });

    const article = runTo({ variant: 'article', seed: 4, actions: [{ at: crashAt, kind: 'crash', node: 'n1' }, { at: 700, kind: 'restart', node: 'n1' }] }, 700);
    expect(article.sim.world.nodes['n1']?.state).toEqual({ count: 0, pongs: 0, value: 0 });
  });

  it('a paused node holds its inputs and gets them, in order, when it resumes', () => {
    const { events } = runTo({ seed: 6, actions: [{ at: 300, kind: 'pause', node: 'n3', ms: 400 }] }, 1200);
    const during = events.filter((e) => e.t > 300 && e.t < 700);
    expect(during.some((e) => (e.type === 'deliver' && e.to === 'n3') || (e.type === 'timer' && e.node === 'n3'))).toBe(false);
    const resume = events.find((e) => e.type === 'resume' && e.node === 'n3');
    expect(resume?.t).toBe(700);
    const atResume = events.filter((e) => e.t === 700 && e.type === 'deliver' && e.to === 'n3');
    expect(atResume.length).toBeGreaterThan(0);
  });

  it('a clock skew shifts the local time the node sees; a drift changes its timers', () => {
    const base = runTo({ seed: 8, params: { nodes: 2 } }, 3000);
    const fast = runTo({ seed: 8, params: { nodes: 2 }, actions: [{ at: 0, kind: 'drift', node: 'n1', rate: 2 }] }, 3000);
    const ticks = (r: typeof base) => only(r.events, 'timer').filter((e) => e.node === 'n1').length;
    // A clock running twice as fast fires the node's timers about twice as often.
    expect(ticks(fast) / ticks(base)).toBeGreaterThan(1.6);
    const skewed = runTo({ seed: 8, params: { nodes: 2 }, actions: [{ at: 100, kind: 'skew', node: 'n1', ms: 5000 }] }, 200);
    expect(skewed.sim.world.nodes['n1']?.clock.offsetMs).toBe(5000);
    expect(only(skewed.events, 'clock')).toEqual([{ t: 100, seq: expect.any(Number), type: 'clock', node: 'n1', offsetMs: 5000, rate: 1 }]);
  });

  it('a node that throws is crashed with its error and the others go on', () => {
    const { events, sim } = runTo({ seed: 9, actions: [{ at: 250, kind: 'command', node: 'n2', cmd: { op: 'boom' } }] }, 1000);
    const crash = only(events, 'crash')[0];
    expect(crash).toMatchObject({ t: 250, node: 'n2', error: expect.stringContaining('boom') });
    expect(sim.world.nodes['n2']?.status).toBe('down');
    expect(only(events, 'timer').filter((e) => e.t > 250 && e.node !== 'n2').length).toBeGreaterThan(5);
  });

  it('client commands are recorded as invoke and ok or fail', () => {
    const { events } = runTo(
      {
        seed: 1,
        actions: [
          { at: 100, kind: 'command', node: 'n1', cmd: { op: 'set', value: 5 } },
          { at: 150, kind: 'command', node: 'n1', cmd: { op: 'get' } },
          { at: 160, kind: 'crash', node: 'n3' },
          { at: 170, kind: 'command', node: 'n3', cmd: { op: 'get' } },
        ],
      },
      300,
    );
    const ops = events.filter((e) => e.type === 'invoke' || e.type === 'ok' || e.type === 'fail').map((e) => ({ ...e, t: undefined, seq: undefined }));
    expect(ops).toEqual([
      { type: 'invoke', node: 'n1', opId: 'op1', op: { op: 'set', value: 5 }, t: undefined, seq: undefined },
      { type: 'ok', node: 'n1', opId: 'op1', t: undefined, seq: undefined },
      { type: 'invoke', node: 'n1', opId: 'op2', op: { op: 'get' }, t: undefined, seq: undefined },
      { type: 'ok', node: 'n1', opId: 'op2', value: 5, t: undefined, seq: undefined },
      { type: 'invoke', node: 'n3', opId: 'op3', op: { op: 'get' }, t: undefined, seq: undefined },
      { type: 'fail', node: 'n3', opId: 'op3', value: 'node down', t: undefined, seq: undefined },
    ]);
  });

  it('refuses an action on a node the run does not have', () => {
    expect(() => runTo({ actions: [{ at: 10, kind: 'crash', node: 'n7' }] }, 100)).toThrow(/n7/);
  });
});

describe('network faults', () => {
  it('a cut link drops what is sent over it; heal lets it through again', () => {
    const { events } = runTo({ seed: 3, params: { nodes: 2 }, actions: [{ at: 200, kind: 'cut', from: 'n1', to: 'n2', oneWay: false }, { at: 800, kind: 'heal', from: 'n1', to: 'n2' }] }, 1500);
    const cutWindow = events.filter((e) => e.t > 200 && e.t < 800);
    expect(only(cutWindow, 'send').length).toBeGreaterThan(0);
    expect(only(cutWindow, 'drop').every((e) => e.reason === 'cut')).toBe(true);
    expect(only(cutWindow, 'drop').length).toBe(only(cutWindow, 'send').length);
    expect(only(events.filter((e) => e.t > 820), 'deliver').length).toBeGreaterThan(0);
  });

  it('a one-way cut drops one direction only', () => {
    const { events } = runTo({ seed: 3, params: { nodes: 2 }, actions: [{ at: 0, kind: 'cut', from: 'n1', to: 'n2', oneWay: true }] }, 1500);
    expect(only(events, 'deliver').filter((e) => e.from === 'n1')).toEqual([]);
    expect(only(events, 'deliver').filter((e) => e.from === 'n2').length).toBeGreaterThan(0);
  });

  it('isolate and split cut exactly the links between groups', () => {
    const iso = runTo({ seed: 1, params: { nodes: 4 }, actions: [{ at: 0, kind: 'isolate', node: 'n2' }] }, 10);
    expect(Object.keys(iso.sim.world.network.cut).sort()).toEqual(['n1>n2', 'n2>n1', 'n2>n3', 'n2>n4', 'n3>n2', 'n4>n2']);
    const split = runTo({ seed: 1, params: { nodes: 4 }, actions: [{ at: 0, kind: 'split', groups: [['n1', 'n2'], ['n3', 'n4']] }] }, 10);
    expect(Object.keys(split.sim.world.network.cut).sort()).toEqual(['n1>n3', 'n1>n4', 'n2>n3', 'n2>n4', 'n3>n1', 'n3>n2', 'n4>n1', 'n4>n2']);
  });

  it('a bridge cuts the halves either side of its node apart and keeps every link of that node', () => {
    const bridged = runTo({ seed: 1, params: { nodes: 5 }, actions: [{ at: 0, kind: 'bridge', node: 'n3' }] }, 10);
    expect(Object.keys(bridged.sim.world.network.cut).sort()).toEqual(['n1>n4', 'n1>n5', 'n2>n4', 'n2>n5', 'n4>n1', 'n4>n2', 'n5>n1', 'n5>n2']);
    // Any node can be the bridge; the others split in node order, the first half the larger.
    const atEnd = runTo({ seed: 1, params: { nodes: 4 }, actions: [{ at: 0, kind: 'bridge', node: 'n4' }] }, 10);
    expect(Object.keys(atEnd.sim.world.network.cut).sort()).toEqual(['n1>n3', 'n2>n3', 'n3>n1', 'n3>n2']);
    expect(bridged.events.filter((e) => e.type === 'partition')).toHaveLength(1);
  });

  it('loss and duplication happen at about the configured rates', () => {
    const { events } = runTo({ seed: 5, params: { nodes: 3, tickMs: 10 }, actions: [{ at: 0, kind: 'network', settings: { lossRate: 0.3, duplicateRate: 0.2 } }] }, 20_000);
    const sends = only(events, 'send');
    const originals = sends.filter((e) => e.dup !== true);
    const lost = only(events, 'drop').filter((e) => e.reason === 'loss').length / originals.length;
    const duplicated = sends.filter((e) => e.dup === true).length / (originals.length * 0.7);
    expect(lost).toBeGreaterThan(0.27);
    expect(lost).toBeLessThan(0.33);
    expect(duplicated).toBeGreaterThan(0.17);
    expect(duplicated).toBeLessThan(0.23);
  });

  it('refuses network settings out of range', () => {
    expect(() => runTo({ actions: [{ at: 0, kind: 'network', settings: { lossRate: 2 } }] }, 10)).toThrow(/lossRate must be between 0 and 1/);
  });
});
