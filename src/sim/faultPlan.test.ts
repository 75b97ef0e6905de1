import { describe, expect, it } from 'vitest';
import type { Action } from './actions';
import { faultPlan, type FaultPlanInput } from './faultPlan';
import type { LabFaults } from './labFaults';
import { DEFAULT_NETWORK } from './network';

const base: FaultPlanInput = { seed: 1, nodes: ['n1', 'n2', 'n3', 'n4', 'n5'], untilMs: 10_000, intensity: 'heavy', network: DEFAULT_NETWORK };
const plan = (change: Partial<FaultPlanInput> = {}): Action[] => faultPlan({ ...base, ...change });

describe('faultPlan', () => {
  it('gives the same plan for the same seed', () => {
    expect(plan({ seed: 42 })).toEqual(plan({ seed: 42 }));
  });

  it('gives a different plan for another seed', () => {
    expect(plan({ seed: 42 })).not.toEqual(plan({ seed: 43 }));
  });

  it('has no faults at intensity none', () => {
    expect(plan({ intensity: 'none' })).toEqual([]);
  });

  it('covers crash, restart, pause, partition, heal, loss and duplication when heavy', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const actions = plan({ seed });
      const kinds = new Set(actions.map((a) => a.kind));
      for (const kind of ['crash', 'restart', 'pause', 'healAll', 'network'] as const) expect(kinds, `seed ${seed}`).toContain(kind);
      expect(kinds.has('split') || kinds.has('isolate'), `seed ${seed}`).toBe(true);
      const network = actions.flatMap((a) => (a.kind === 'network' ? [a.settings] : []));
      expect(network.some((s) => (s.lossRate ?? 0) > 0)).toBe(true);
      expect(network.some((s) => (s.duplicateRate ?? 0) > 0)).toBe(true);
    }
  });

  it('restarts every crashed node before the run ends, and never crashes a node that is down', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const actions = plan({ seed, nodes: seed % 2 === 0 ? ['a', 'b'] : base.nodes, untilMs: 500 + seed * 37 });
      const down = new Map<string, number>();
      for (const a of actions) {
        if (a.kind === 'crash') {
          expect(down.has(a.node), `seed ${seed}: ${a.node} crashed twice`).toBe(false);
          down.set(a.node, a.at);
        }
        if (a.kind === 'restart') {
          expect(down.get(a.node), `seed ${seed}: restart without crash`).toBeLessThan(a.at);
          down.delete(a.node);
        }
      }
      expect([...down.keys()], `seed ${seed}: never restarted`).toEqual([]);
      const last = actions.filter((a) => a.kind === 'restart').map((a) => a.at);
      expect(Math.max(0, ...last)).toBeLessThan(500 + seed * 37);
    }
  });

  it('keeps a majority of five nodes up', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const downNow = new Set<string>();
      for (const a of plan({ seed, untilMs: 60_000 })) {
        if (a.kind === 'crash') downNow.add(a.node);
        if (a.kind === 'restart') downNow.delete(a.node);
        expect(downNow.size).toBeLessThanOrEqual(2);
      }
    }
  });

  it('returns sorted actions inside the run and a network that the kernel accepts', () => {
    const actions = plan({ seed: 9, intensity: 'light' });
    expect(actions.map((a) => a.at)).toEqual([...actions.map((a) => a.at)].sort((x, y) => x - y));
    expect(actions.every((a) => a.at > 0 && a.at < base.untilMs)).toBe(true);
    expect(actions.some((a) => a.kind === 'crash')).toBe(false);
    const last = actions.filter((a) => a.kind === 'network').at(-1);
    expect(last).toEqual(expect.objectContaining({ settings: DEFAULT_NETWORK }));
  });
});

describe('faultPlan with the faults a lab asks for', () => {
  const labFaults: LabFaults = {
    longPauses: { nodes: ['n1'], ms: [500, 1500] },
    clocks: { nodes: ['n2', 'n3'], jumpMs: 1000, driftRate: [0.5, 2] },
    slowLinks: { links: [['n1', 'n5']], ms: [250, 1000] },
  };

  it('adds them to the common plan, which stays as it was', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const common = plan({ seed });
      const withLab = plan({ seed, labFaults });
      expect(withLab.filter((a) => common.some((c) => JSON.stringify(c) === JSON.stringify(a)))).toEqual(common);
      expect(plan({ seed, labFaults })).toEqual(withLab);
    }
  });

  it('pauses, jumps or drifts clocks and slows links only where the lab says, by the sizes it gives, and undoes each spell inside the run', () => {
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) {
      const extra = plan({ seed, labFaults }).filter((a) => !plan({ seed }).some((c) => JSON.stringify(c) === JSON.stringify(a)));
      for (const a of extra) {
        kinds.add(a.kind);
        expect(a.at, `seed ${seed}`).toBeLessThanOrEqual(0.9 * base.untilMs);
        if (a.kind === 'pause') expect([a.node, a.ms >= 500 && a.ms <= 1500]).toEqual(['n1', true]);
        if (a.kind === 'skew') expect(['n2', 'n3'].includes(a.node) && Math.abs(a.ms) <= 1000).toBe(true);
        if (a.kind === 'drift') expect(['n2', 'n3'].includes(a.node) && (a.rate === 1 || (a.rate >= 0.5 && a.rate <= 2))).toBe(true);
        if (a.kind === 'delay') expect([a.from, a.to, a.ms === 0 || (a.ms >= 250 && a.ms <= 1000)]).toEqual(['n1', 'n5', true]);
      }
      const drifts = extra.filter((a) => a.kind === 'drift');
      expect(drifts.filter((a) => a.kind === 'drift' && a.rate === 1)).toHaveLength(drifts.length / 2);
      expect(extra.filter((a) => a.kind === 'delay' && a.ms === 0)).toHaveLength(extra.filter((a) => a.kind === 'delay').length / 2);
    }
    expect([...kinds].sort()).toEqual(['delay', 'drift', 'pause', 'skew']);
  });

  it('adds none at light intensity', () => {
    expect(plan({ seed: 3, intensity: 'light', labFaults })).toEqual(plan({ seed: 3, intensity: 'light' }));
  });
});
