import { describe, expect, it } from 'vitest';
import { multiPaxosLab } from '../labs/multi-paxos/lab';
import { paxosLab } from '../labs/paxos/lab';
import { raftLab } from '../labs/raft/lab';
import { labPanels, nodeDecorator } from './labViews';

describe('per-lab views', () => {
  it('are listed under the ids the labs really have', () => {
    expect(labPanels(raftLab.id).map((p) => p.id)).toEqual(['raft-log']);
    expect(labPanels(paxosLab.id).map((p) => p.id)).toEqual(['paxos-state']);
    expect(labPanels(multiPaxosLab.id).map((p) => p.id)).toEqual(['slot-log', 'paxos-state']);
    expect(nodeDecorator(raftLab.id)).not.toBeNull();
  });

  it('give other labs nothing', () => {
    expect(labPanels('beacon')).toEqual([]);
    expect(nodeDecorator('beacon')).toBeNull();
  });
});
