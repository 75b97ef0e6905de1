/** Running a configuration through worker_threads (`run --host threads`): same result as in-process. */
import type { RunOptions, RunResult } from '../inProcessRun';
import type { RunConfig } from '../runConfig';
import { RunTally } from '../summary';
import { ThreadHost, type Stepping } from './threadHost';

export interface ThreadRunResult extends RunResult {
  /** Requests sent to node threads, by type: how many round trips the run took. */
  readonly requests: ReadonlyMap<string, number>;
}

export async function runInThreads(config: RunConfig, options: RunOptions, stepping: Stepping = 'windows'): Promise<ThreadRunResult> {
  const tally = new RunTally();
  const onEvent = options.onEvent;
  const host = await ThreadHost.start(config.lab, config.spec, {
    onEvent: onEvent === undefined ? (e) => tally.observe(e) : (e) => (tally.observe(e), onEvent(e)),
  }, stepping);
  try {
    while ((await host.runUntil(config.untilMs)) === 'halted') {
      if (options.halt) return { reachedMs: host.sim.now, tally, halted: true, requests: host.requests };
      host.sim.clearHalt();
    }
    return { reachedMs: host.sim.now, tally, halted: false, requests: host.requests };
  } finally {
    await host.close();
  }
}
