/** The inspector wired to the run: the selected node or link, and its actions sent to the machine. */
import type { RefObject } from 'react';
import { useAppStore } from '../../store/appStore';
import { clearSelection } from '../../store/viewActions';
import { Inspector } from '../../views/cluster/Inspector';
import { useAct, useRun } from './runContext';

export function InspectorPanel({ headingRef }: { readonly headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { lab } = useRun();
  const act = useAct();
  const frame = useAppStore((s) => s.frame);
  const selection = useAppStore((s) => s.selection);
  if (frame === null) return null;
  return <Inspector ref={headingRef} lab={lab} frame={frame} selection={selection} onAct={act} onClose={clearSelection} />;
}
