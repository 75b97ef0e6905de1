/** Running a configuration through worker_threads (`run --host threads`): same result as in-process. */
import type { RunOptions, RunResult } from '../inProcessRun';
import type { RunConfig } from '../runConfig';
import { RunTally } from '../summary';
import { ThreadHost } from './threadHost';

export async function runInThreads(config: RunConfig, options: RunOptions): Promise<RunResult> {
  const tally = new RunTally();
  const onEvent = options.onEvent;
  const host = await ThreadHost.start(config.lab, config.spec, {
    onEvent: onEvent === undefined ? (e) => tally.observe(e) : (e) => (tally.observe(e), onEvent(e)),
  });
  try {
    while ((await host.runUntil(config.untilMs)) === 'halted') {
      if (options.halt) return { reachedMs: host.sim.now, tally, halted: true };
      host.sim.clearHalt();
    }
    return { reachedMs: host.sim.now, tally, halted: false };
  } finally {
    await host.close();
  }
}
