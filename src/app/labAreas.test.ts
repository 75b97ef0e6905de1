import { describe, expect, it } from 'vitest';
import { productLabs } from '../labs/registry';
import { beaconLab } from '../../tests/fixtures/beaconLab';
import { LAB_AREAS, labsByArea } from './labAreas';

describe('lab areas', () => {
  it('place every product lab in exactly one area, so a new lab is never left under "More"', () => {
    const listed = LAB_AREAS.flatMap((a) => a.labIds);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(productLabs.map((l) => l.id).sort());
  });

  it('group labs by area in the area order, and put the rest last', () => {
    const groups = labsByArea([beaconLab, ...productLabs]);
    expect(groups.map((g) => g.area.title)).toEqual([...LAB_AREAS.map((a) => a.title), 'More']);
    expect(groups[0]?.labs.map((l) => l.id)).toEqual(['raft', 'paxos', 'multi-paxos']);
    expect(groups.at(-1)?.labs).toEqual([beaconLab]);
  });

  it('leave out areas with no labs', () => {
    expect(labsByArea([beaconLab]).map((g) => g.area.title)).toEqual(['More']);
  });
});
