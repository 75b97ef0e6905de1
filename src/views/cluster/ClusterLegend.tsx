/** The cluster's legends: one colour per role, one per message type seen recently. */
import { useMemo } from 'react';
import type { LabDefinition } from '../../labs/contract/lab';
import { useAppStore } from '../../store/appStore';
import { Legend } from '../Legend';
import { messageColor, roleColors } from '../palette';
import { messageTypes } from './messageTypes';

export function ClusterLegend({ lab }: { readonly lab: LabDefinition }) {
  const events = useAppStore((s) => s.events);
  const inFlight = useAppStore((s) => s.frame?.inFlight);
  const types = useMemo(() => messageTypes(events, inFlight ?? []), [events, inFlight]);
  const roles = useMemo(() => {
    const colors = roleColors(lab.roles);
    return lab.roles.map((name) => ({ name, color: colors.get(name) as string }));
  }, [lab.roles]);
  return (
    <div className="cluster-legend">
      <Legend title="Roles" shape="square" items={roles} />
      <Legend title="Messages" shape="dot" items={types.map((name) => ({ name, color: messageColor(name) }))} />
      {lab.isLightMessage !== undefined && types.length > 0 && <p className="legend-note muted small">Small, pale dots carry no news: heartbeats.</p>}
    </div>
  );
}
