/**
 * Seek time: in a 10-minute virtual run with checkpoints, how long it takes to go back to an
 * earlier moment (restore the checkpoint at or before it, replay in-process up to it), as the
 * page does when a person drags the time cursor back.
 */
import { createInProcessRun, runUntil, seekInProcess } from '../src/runtime/inProcess';
import { resolveRun } from '../cli/runConfig';
import { median } from './measure';
import type { BenchRow } from './table';

const RUN_MS = 600_000;
/** As the page's scheduler keeps them. */
const CHECKPOINT_EVERY = 2000;

export function measureSeek(seeks: number): BenchRow {
  const config = resolveRun({ lab: 'beacon', variant: 'hardened', seed: 1, untilMs: RUN_MS, faults: 'heavy', params: { nodes: '5' } });
  let events = 0;
  const run = createInProcessRun(config.lab, config.spec, { checkpointEvery: CHECKPOINT_EVERY, onEvent: () => void events++ });
  while (runUntil(run.sim, run.stepper, RUN_MS) === 'halted') run.sim.clearHalt();
  // Targets spread evenly over the run, all behind where it ended.
  const targets = Array.from({ length: seeks + 1 }, (_, i) => Math.round(((i + 0.5) / (seeks + 1)) * RUN_MS));
  const times: number[] = [];
  targets.forEach((t, i) => {
    const start = performance.now();
    seekInProcess(run, t);
    // The first seek is the warm-up.
    if (i > 0) times.push(performance.now() - start);
  });
  return {
    id: 'seek',
    label: 'seek back in a 10-min run',
    value: median(times),
    unit: 'ms',
    better: 'lower',
    target: 100,
    note: `beacon, 5 nodes, heavy faults, ${events.toLocaleString('en-US')} events, checkpoint every ${CHECKPOINT_EVERY} items (${run.sim.checkpointCount} kept); median of ${times.length} seeks`,
  };
}
