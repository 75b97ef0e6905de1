/**
 * Per-lab views: the extra panels each lab adds to its page, by lab id. The panels are loaded
 * lazily, so a lab's views cost nothing until that lab is opened. Labs stay free of React: the
 * views layer knows the labs by id, never the other way round.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Frame } from '../runtime/frame';
import type { LabDefinition } from '../sim/lab';

export interface LabPanelProps {
  readonly frame: Frame;
  readonly lab: LabDefinition;
}

export interface LabPanel {
  /** Unique within the lab; also the panel's DOM id stem. */
  readonly id: string;
  readonly title: string;
  readonly Panel: LazyExoticComponent<ComponentType<LabPanelProps>>;
}

const raftLog: LabPanel = { id: 'raft-log', title: 'Logs', Panel: lazy(() => import('./raft/RaftLogPanel')) };
const paxosState: LabPanel = { id: 'paxos-state', title: 'Paxos state', Panel: lazy(() => import('./paxos/PaxosStatePanel')) };
const slotLog: LabPanel = { id: 'slot-log', title: 'Slot log', Panel: lazy(() => import('./paxos/SlotLogPanel')) };

/** Lab ids as in src/labs (raftLab.id, paxosLab.id, multiPaxosLab.id). */
const LAB_VIEWS: Readonly<Record<string, readonly LabPanel[]>> = {
  raft: [raftLog],
  paxos: [paxosState],
  'multi-paxos': [slotLog, paxosState],
};

export function labPanels(labId: string): readonly LabPanel[] {
  return LAB_VIEWS[labId] ?? [];
}
