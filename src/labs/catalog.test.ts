import { describe, expect, it } from 'vitest';
import { nodesNamedBy } from '../sim/faults';
import { resolveLabParams } from '../runtime/runnableLab';
import { productLabs } from './catalog';

describe('every product lab', () => {
  it('has unique ids', () => {
    const ids = productLabs.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has scenarios with a known variant, valid parameters, only nodes the run has, and narration in order within the story', () => {
    for (const lab of productLabs) {
      expect(lab.scenarios.length, lab.id).toBeGreaterThan(0);
      for (const s of lab.scenarios) {
        const where = `${lab.id}/${s.id}`;
        expect(lab.variants, where).toContain(s.variant);
        const ids = new Set(lab.topology(resolveLabParams(lab, s.params)).map((n) => n.id));
        for (const id of s.actions.flatMap(nodesNamedBy)) expect(ids.has(id), `${where} names ${id}`).toBe(true);
        const times = s.narration.map((n) => n.at);
        expect(times.length, where).toBeGreaterThan(0);
        expect(times, where).toEqual([...times].sort((a, b) => a - b));
        expect(Math.max(...times), where).toBeLessThanOrEqual(s.untilMs);
      }
    }
  });
});
