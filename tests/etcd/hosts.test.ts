/**
 * Host equivalence for the etcd lock labs: under heavy faults (crashes and restarts of the etcd
 * server, pauses, clock faults, partitions, a lossy network) a run gives the same trace, byte for
 * byte, whether its nodes step in-process or each in its own worker thread.
 */
import { describe, expect, it } from 'vitest';
import { runInThreads } from '../../cli/hosts/threadRun';
import { runInProcess } from '../../cli/inProcessRun';
import { resolveRun } from '../../cli/runConfig';
import { formatTraceLine, type TraceEvent } from '../../src/sim/trace';

describe('etcd lock labs in worker threads', () => {
  it.each(['etcd-mutex', 'etcd-txn-lock'])('%s (hardened, heavy faults): the same trace as in-process', async (lab) => {
    const config = resolveRun({ lab, variant: 'hardened', seed: 7, untilMs: 2000, faults: 'heavy', params: {} });
    const inProcess: TraceEvent[] = [];
    runInProcess(config, { halt: false, onEvent: (e) => inProcess.push(e) });
    const threaded: TraceEvent[] = [];
    await runInThreads(config, { halt: false, onEvent: (e) => threaded.push(e) }, 'windows');
    expect(inProcess.filter((e) => e.type === 'output' && e.fact['kind'] === 'acquired').length).toBeGreaterThanOrEqual(2);
    expect(threaded.map(formatTraceLine).join('\n')).toBe(inProcess.map(formatTraceLine).join('\n'));
  });
});
