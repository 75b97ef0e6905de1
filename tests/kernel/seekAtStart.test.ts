import { describe, expect, it } from 'vitest';
import { seekInProcess } from '../../src/runtime/inProcess';
import { record, runTo } from '../helpers';

describe('seek right after loading', () => {
  it('works before the run has taken a step (a shared URL opens at its moment)', () => {
    const fresh = record({ seed: 7 }, { checkpointEvery: 100 });
    expect(fresh.sim.checkpointCount).toBe(1);
    seekInProcess(fresh, 1234.5);
    expect(fresh.sim.world).toEqual(runTo({ seed: 7 }, 1234.5).sim.world);
  });
});
