/**
 * Property tests: the hardened etcd locks with fencing on, under heavy random faults (crashes and
 * restarts of the server and the clients, pauses, partitions, clock faults, loss, duplication),
 * never let a stale write into the storage and still get work done on every seed; the article
 * variants without fencing let two holders' writes interleave on some seeds.
 */
import { describe, expect, it } from 'vitest';
import { etcdMutexLab } from '../../src/labs/etcd-mutex/lab';
import { etcdTxnLockLab } from '../../src/labs/etcd-txn-lock/lab';
import { createInProcessRun, runUntil } from '../../src/runtime/inProcess';
import { faultPlan } from '../../src/sim/faultPlan';
import { resolveLabParams } from '../../src/runtime/runnableLab';
import type { LabDefinition } from '../../src/labs/contract/lab';
import { networkFromParams } from '../../src/sim/params';

const SEEDS = 60;
const UNTIL_MS = 10_000;

function fuzz(lab: LabDefinition, variant: string, given: Record<string, number | string | boolean>) {
  const violations: string[] = [];
  let working = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const params = resolveLabParams(lab, given);
    const nodes = lab.topology(params).map((n) => n.id);
    const actions = faultPlan({ seed, nodes, untilMs: UNTIL_MS, intensity: 'heavy', network: networkFromParams(params) });
    let accepted = 0;
    const run = createInProcessRun(lab, { lab: lab.id, variant, seed, params, actions }, {
      onEvent: (e) => {
        if (e.type === 'violation') violations.push(`seed ${seed}: ${e.rule}: ${e.detail}`);
        else if (e.type === 'output' && e.fact['kind'] === 'write' && e.fact['accepted'] === true) accepted++;
      },
    });
    while (runUntil(run.sim, run.stepper, UNTIL_MS) === 'halted') run.sim.clearHalt();
    if (accepted > 0) working++;
  }
  return { violations, working };
}

describe.each([etcdMutexLab, etcdTxnLockLab])('$id under heavy faults', (lab) => {
  it(`hardened with fencing: no violation over ${SEEDS} seeds, and every seed gets writes into the storage`, () => {
    const { violations, working } = fuzz(lab, 'hardened', { fencing: true, clients: 3 });
    expect(violations).toEqual([]);
    expect(working).toBe(SEEDS);
  });

  it('article without fencing, work longer than the lease: some seeds interleave two holders’ writes', () => {
    const { violations } = fuzz(lab, 'article', { fencing: false, clients: 3, workMs: 1500 });
    expect(violations.some((v) => v.includes('mutual-exclusion'))).toBe(true);
  });
});
