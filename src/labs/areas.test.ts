import { describe, expect, it } from 'vitest';
import { beaconLab } from '../../tests/fixtures/beaconLab';
import { labsByArea } from './areas';
import { productLabs } from './catalog';

describe('lab areas', () => {
  it('group labs by area in the catalogue order, and put labs with no area last, under "More"', () => {
    const groups = labsByArea([beaconLab, ...productLabs]);
    expect(groups.map((g) => g.area.title)).toEqual(['Consensus', 'Distributed locks', 'Traffic control', 'More']);
    expect(groups.map((g) => g.labs.map((l) => l.id))).toEqual([
      ['raft', 'paxos', 'multi-paxos'],
      ['redis-lock', 'redlock', 'etcd-mutex', 'etcd-txn-lock'],
      ['token-bucket', 'sliding-window', 'circuit-breaker', 'degradation', 'worker-pool'],
      ['beacon'],
    ]);
  });

  it('leave out areas with no labs', () => {
    expect(labsByArea([beaconLab]).map((g) => g.area.title)).toEqual(['More']);
  });
});
