/** The Multi-Paxos slot log: every node's slots, like the Raft log view (the same LogGrid). */
import { useMemo } from 'react';
import { displayNode } from '../cluster/nodeLook';
import type { LabPanelProps } from '../labViews';
import { LogGrid } from '../logGrid/LogGrid';
import { LogKey } from '../logGrid/LogKey';
import { roleColors } from '../palette';
import { slotLogModel } from './slotLogModel';

export default function SlotLogPanel({ frame, lab }: LabPanelProps) {
  const model = useMemo(() => slotLogModel(frame.nodes, (n) => displayNode(lab, n).role), [frame.nodes, lab]);
  const colors = useMemo(() => roleColors(lab.roles), [lab.roles]);
  return (
    <>
      <LogGrid model={model} caption="Multi-Paxos slots: nodes by slot, cells coloured by ballot round" roleColors={colors} />
      <LogKey colorName={model.colorName} colorKeys={model.colorKeys} committedWord="chosen" />
    </>
  );
}
