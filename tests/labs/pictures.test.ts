/**
 * Every lab's pictures and node decorations, drawn from real frames: at each scenario's end, the
 * models of the lab's panels come out of its nodes' states without a throw, and say something.
 */
import { describe, expect, it } from 'vitest';
import { productLabs } from '../../src/labs/catalog';
import { buildFrame } from '../../src/runtime/frame';
import { runScenario } from '../paxos/scenarioRun';

/** True when a view model holds anything to draw: a non-empty list, or an object with such a field. */
function hasContent(model: unknown): boolean {
  if (Array.isArray(model)) return model.length > 0;
  if (typeof model === 'object' && model !== null) return Object.values(model).some((v) => (Array.isArray(v) ? v.length > 0 : typeof v === 'object' && v !== null && hasContent(v)));
  return false;
}

describe.each(productLabs.map((lab) => [lab.id, lab] as const))('%s pictures', (_id, lab) => {
  it('declare panels with ids unique in the lab', () => {
    const ids = (lab.panels ?? []).map((p) => p.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(lab.scenarios.map((s) => [s.id, s] as const))('draw the end of scenario %s', (_sid, scenario) => {
    const run = runScenario(lab, scenario);
    const frame = buildFrame(run.sim);
    for (const panel of lab.panels ?? []) {
      const model = panel.model({ frame, events: run.events, params: run.sim.spec.params });
      expect(hasContent(model), `${panel.id} has something to draw`).toBe(true);
    }
    for (const node of frame.nodes) expect(() => lab.decorate?.(node, frame, run.sim.spec.params)).not.toThrow();
  });
});
