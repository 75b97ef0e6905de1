/**
 * Seeking back in a Raft run (checkpoint, then replay) lands in exactly the state of a straight
 * run, node states and checker states alike: the checkers update their state in place, which is
 * safe only because a checkpoint is a copy and a restore hands out another.
 */
import { describe, expect, it } from 'vitest';
import { raftLab } from '../../src/labs/raft/lab';
import { staleVotes } from '../../src/labs/raft/scenarios/index';
import { createInProcessRun, runUntil, seekInProcess, type InProcessRun } from '../../src/runtime/inProcess';
import { resolveLabParams } from '../../src/runtime/runnableLab';

function runTo(untilMs: number, checkpointEvery = Infinity): InProcessRun {
  const spec = { lab: 'raft', variant: staleVotes.variant, seed: staleVotes.seed, params: resolveLabParams(raftLab, staleVotes.params), actions: staleVotes.actions };
  const run = createInProcessRun(raftLab, spec, { checkpointEvery });
  while (runUntil(run.sim, run.stepper, untilMs) === 'halted') run.sim.clearHalt();
  return run;
}

describe('raft seek', () => {
  it('rebuilds the node and checker states of a straight run, across violations', () => {
    const long = runTo(staleVotes.untilMs, 40);
    expect(long.sim.checkpointCount).toBeGreaterThan(3);
    for (const t of [650, 900, 760]) {
      seekInProcess(long, t);
      const straight = runTo(t);
      expect(long.sim.world.now).toBe(straight.sim.world.now);
      expect(long.sim.world.checkerStates).toEqual(straight.sim.world.checkerStates);
      for (const id of Object.keys(straight.sim.world.nodes)) expect(long.sim.world.nodes[id]?.state).toEqual(straight.sim.world.nodes[id]?.state);
      expect(long.sim.world.violatedRules).toEqual(straight.sim.world.violatedRules);
    }
  });
});
