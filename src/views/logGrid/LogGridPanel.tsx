/** A log grid picture: Raft's logs by index, or Multi-Paxos's slots, with their key. */
import { useMemo } from 'react';
import { roleColors } from '../palette';
import type { PictureProps } from '../pictureProps';
import { LogGrid } from './LogGrid';
import { LogKey } from './LogKey';

export default function LogGridPanel({ model, lab }: PictureProps<'log-grid'>) {
  const colors = useMemo(() => roleColors(lab.roles), [lab.roles]);
  return (
    <>
      <LogGrid model={model.grid} caption={model.caption} roleColors={colors} />
      <LogKey colorName={model.grid.colorName} colorKeys={model.grid.colorKeys} committedWord={model.committedWord} />
    </>
  );
}
