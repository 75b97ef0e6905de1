/**
 * Host equivalence for the traffic labs: the breaker's XState machine (rebuilt from plain state at
 * every step) and the clients' random loads give the same trace, byte for byte, whether the nodes
 * step in-process or each in its own worker thread. One lab only: thread start-up dominates.
 */
import { describe, expect, it } from 'vitest';
import { runInThreads } from '../../cli/hosts/threadRun';
import { runInProcess } from '../../cli/inProcessRun';
import { resolveRun } from '../../cli/runConfig';
import { formatTraceLine, type TraceEvent } from '../../src/sim/trace';

describe('traffic labs in worker threads', () => {
  it.each([
    ['circuit-breaker', 'article', { load: 'poisson', clientIntervalMs: '20', backendErrorRate: '0.4' }],
  ] as const)('%s (%s): the same trace as in-process', async (lab, variant, params) => {
    const config = resolveRun({ lab, variant, seed: 11, untilMs: 1000, faults: 'light', params });
    const inProcess: TraceEvent[] = [];
    runInProcess(config, { halt: false, onEvent: (e) => inProcess.push(e) });
    const threaded: TraceEvent[] = [];
    await runInThreads(config, { halt: false, onEvent: (e) => threaded.push(e) }, 'windows');
    expect(inProcess.length).toBeGreaterThan(300);
    expect(threaded.map(formatTraceLine).join('\n')).toBe(inProcess.map(formatTraceLine).join('\n'));
  });
});
