/**
 * The landing page's sections: the seed article's three areas. Each lab names its area; within an
 * area labs come in the catalogue's order, the order a course would take them. A lab in no area
 * (a test fixture) is listed last, under "More".
 */
import type { AreaId, LabDefinition } from './contract/lab';

export interface LabArea {
  /** For DOM ids. */
  readonly id: AreaId | 'more';
  readonly title: string;
  readonly summary: string;
}

const AREAS: readonly LabArea[] = [
  { id: 'consensus', title: 'Consensus', summary: 'Nodes agree on one value, or on one log, while some crash and the network splits.' },
  { id: 'locks', title: 'Distributed locks', summary: 'One holder at a time, on leases that expire by clocks that drift and processes that pause.' },
  { id: 'traffic', title: 'Traffic control', summary: 'Limiters, a circuit breaker, fallbacks and a worker pool between clients and a backend that fails.' },
];

const MORE: LabArea = { id: 'more', title: 'More', summary: 'Labs outside the three areas.' };

export interface AreaWithLabs {
  readonly area: LabArea;
  readonly labs: readonly LabDefinition[];
}

/** The areas that have labs among `labs`, each with its labs in the given order, then the rest. */
export function labsByArea(labs: readonly LabDefinition[]): AreaWithLabs[] {
  const out: AreaWithLabs[] = AREAS.map((area) => ({ area, labs: labs.filter((lab) => lab.area === area.id) }));
  out.push({ area: MORE, labs: labs.filter((lab) => lab.area === undefined) });
  return out.filter((a) => a.labs.length > 0);
}
