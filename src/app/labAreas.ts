/**
 * The landing page's sections: the seed article's three areas, each with its labs in the order a
 * course would take them. A lab in no area (the test fixtures) is listed last, under "More".
 */
import type { LabDefinition } from '../sim/lab';

export interface LabArea {
  /** For DOM ids. */
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly labIds: readonly string[];
}

export const LAB_AREAS: readonly LabArea[] = [
  {
    id: 'consensus',
    title: 'Consensus',
    summary: 'Nodes agree on one value, or on one log, while some crash and the network splits.',
    labIds: ['raft', 'paxos', 'multi-paxos'],
  },
  {
    id: 'locks',
    title: 'Distributed locks',
    summary: 'One holder at a time, on leases that expire by clocks that drift and processes that pause.',
    labIds: ['redis-lock', 'redlock', 'etcd-mutex', 'etcd-txn-lock'],
  },
  {
    id: 'traffic',
    title: 'Traffic control',
    summary: 'Limiters, a circuit breaker, fallbacks and a worker pool between clients and a backend that fails.',
    labIds: ['token-bucket', 'sliding-window', 'circuit-breaker', 'degradation', 'worker-pool'],
  },
];

export interface AreaWithLabs {
  readonly area: LabArea;
  readonly labs: readonly LabDefinition[];
}

const MORE: LabArea = { id: 'more', title: 'More', summary: 'Labs outside the three areas.', labIds: [] };

/** The areas that have labs among `labs`, each with its labs in the area's order, then the rest. */
export function labsByArea(labs: readonly LabDefinition[]): AreaWithLabs[] {
  const byId = new Map(labs.map((lab) => [lab.id, lab]));
  const placed = new Set<string>();
  const out: AreaWithLabs[] = [];
  for (const area of LAB_AREAS) {
    const own = area.labIds.flatMap((id) => byId.get(id) ?? []);
    own.forEach((lab) => placed.add(lab.id));
    if (own.length > 0) out.push({ area, labs: own });
  }
  const rest = labs.filter((lab) => !placed.has(lab.id));
  if (rest.length > 0) out.push({ area: MORE, labs: rest });
  return out;
}
