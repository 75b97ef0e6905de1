/** The Raft lab's log view: every node's log by index, coloured by term (see LogGrid). */
import { useMemo } from 'react';
import type { LabPanelProps } from '../labViews';
import { LogGrid } from '../logGrid/LogGrid';
import { LogKey } from '../logGrid/LogKey';
import { roleColors } from '../palette';
import { raftLogModel } from './raftLogModel';

export default function RaftLogPanel({ frame, lab }: LabPanelProps) {
  const model = useMemo(() => raftLogModel(frame.nodes), [frame.nodes]);
  const colors = useMemo(() => roleColors(lab.roles), [lab.roles]);
  return (
    <>
      <LogGrid model={model} caption="Raft logs: nodes by log index, cells coloured by term" roleColors={colors} />
      <LogKey colorName={model.colorName} colorKeys={model.colorKeys} committedWord="committed" />
    </>
  );
}
