/**
 * Every lab the page, its workers and the CLI can run: the product's labs, plus the test
 * fixture labs in development and e2e builds (a production build leaves them out; see the
 * `distlab:fixture-labs` module in vite.config.ts).
 */
import { fixtureLabs } from 'distlab:fixture-labs';
import { productLabs } from '../labs/registry';
import type { LabDefinition } from '../sim/lab';

export const labs: readonly LabDefinition[] = [...productLabs, ...fixtureLabs];

export function findLab(id: string): LabDefinition | undefined {
  return labs.find((lab) => lab.id === id);
}
