/**
 * The labs the CLI can run: the product's labs, plus the test fixture labs (until real labs land,
 * the beacon fixture is what there is to run). Node has no Vite alias for `distlab:fixture-labs`,
 * so the CLI imports the fixtures directly.
 */
import { productLabs } from '../src/labs/registry';
import type { Json } from '../src/sim/json';
import type { LabDefinition } from '../src/sim/lab';
import type { Protocol } from '../src/sim/node';
import { fixtureLabs } from '../tests/fixtures/index';

export const labs: readonly LabDefinition[] = [...productLabs, ...fixtureLabs];

export function findLab(id: string): LabDefinition | undefined {
  return labs.find((lab) => lab.id === id);
}

/** How a node thread finds its step function from the lab and kind its INIT names. */
export function lookupProtocol(lab: string, kind: string): Protocol<Json> | undefined {
  return findLab(lab)?.protocols[kind];
}
