/**
 * The cluster: nodes on a ring coloured by role, the links between them (cut ones drawn cut) and
 * the messages in flight as dots along their link, placed by virtual time. Clicking a node or a
 * link (or Enter on it) selects it; the inspector next to the view offers its actions.
 */
import { useMemo } from 'react';
import type { LabDefinition } from '../../labs/contract/lab';
import type { Params } from '../../sim/params';
import { useAppStore, useAppStoreShallow } from '../../store/appStore';
import { isSelected, selectLink, selectNode } from '../../store/viewActions';
import { messageColor, roleColor, roleColors } from '../palette';
import { ClusterLinkDrawing, ClusterLinkTarget } from './ClusterLink';
import { ClusterNode } from './ClusterNode';
import { allPairs, linkState, messagePoint, ringLayout } from './layout';
import { displayNode } from '../../labs/contract/look';
import './cluster.css';

/** The view's drawing box; the SVG scales to its panel. */
export const CLUSTER_WIDTH = 600;
export const CLUSTER_HEIGHT = 540;

interface Props {
  readonly lab: LabDefinition;
  /** Called after a node or link was chosen; `byKeyboard` lets the page move focus to its actions. */
  readonly onChosen?: (byKeyboard: boolean) => void;
  /** The run's parameters, for the lab's node decorations (e.g. the longest election timeout). */
  readonly params?: Params | null;
}

export function ClusterView({ lab, onChosen, params = null }: Props) {
  const frame = useAppStore((s) => s.frame);
  const selection = useAppStore((s) => s.selection);
  const ids = useAppStoreShallow((s) => s.frame?.nodes.map((n) => n.id) ?? []);
  const layout = useMemo(() => ringLayout(ids, CLUSTER_WIDTH, CLUSTER_HEIGHT), [ids]);
  const colors = useMemo(() => roleColors(lab.roles), [lab.roles]);
  if (frame === null) return <div className="cluster-empty">Starting the run…</div>;
  const decorate = lab.decorate ?? null;

  const links = allPairs(ids).map(([a, b]) => ({
    key: `${a}-${b}`,
    a: layout.byId.get(a)!,
    b: layout.byId.get(b)!,
    radius: layout.nodeRadius,
    state: linkState(a, b, frame.cut),
    selected: isSelected(selection, { kind: 'link', a, b }),
  }));
  const openNode = (id: string, byKeyboard: boolean) => {
    selectNode(id);
    onChosen?.(byKeyboard);
  };
  const openLink = (a: string, b: string, byKeyboard: boolean) => {
    selectLink(a, b, ids);
    onChosen?.(byKeyboard);
  };

  return (
    <svg className="cluster-view" viewBox={`0 0 ${CLUSTER_WIDTH} ${CLUSTER_HEIGHT}`} role="group" aria-label={`Cluster of ${ids.length} nodes`}>
      <g className="links" aria-hidden="true">
        {links.map(({ key, ...l }) => (
          <ClusterLinkDrawing key={key} {...l} />
        ))}
      </g>
      <g className="messages" aria-hidden="true">
        {frame.inFlight.map((m) => {
          const p = messagePoint(m, frame.now, layout);
          if (p === null) return null;
          return <circle key={m.msgId} className={m.light ? 'message-dot light' : 'message-dot'} cx={p.x} cy={p.y} r={m.light ? 3.5 : 5.5} fill={messageColor(m.type)} />;
        })}
      </g>
      <g className="nodes" role="group" aria-label="Nodes">
        {frame.nodes.map((n) => {
          const display = displayNode(lab, n);
          const place = layout.byId.get(n.id);
          if (place === undefined) return null;
          return (
            <ClusterNode
              key={n.id}
              place={place}
              display={display}
              color={roleColor(colors, display.role)}
              layout={layout}
              selected={isSelected(selection, { kind: 'node', id: n.id })}
              onOpen={openNode}
              decoration={decorate === null ? null : decorate(n, frame, params)}
            />
          );
        })}
      </g>
      <g className="link-targets" role="group" aria-label="Links">
        {links.map(({ key, ...l }) => (
          <ClusterLinkTarget key={key} {...l} onOpen={openLink} />
        ))}
      </g>
    </svg>
  );
}
