/**
 * The labs the CLI runs: the one catalogue of src/labs, plus the fixture labs of the module named
 * by DISTLAB_FIXTURE_LABS when it is set (a module that exports `fixtureLabs`, as
 * tests/fixtures/index.ts does). The tests set it; worker threads inherit the environment, so
 * every thread of a run finds the same labs. The CLI never loads test code unless asked to.
 */
import { pathToFileURL } from 'node:url';
import type { LabDefinition } from '../src/labs/contract/lab';
import { LabCatalogue } from '../src/labs/catalog';

export const FIXTURE_LABS_ENV = 'DISTLAB_FIXTURE_LABS';

async function fixtureLabs(): Promise<readonly LabDefinition[]> {
  const path = process.env[FIXTURE_LABS_ENV];
  if (path === undefined || path === '') return [];
  const module = (await import(pathToFileURL(path).href)) as { fixtureLabs?: readonly LabDefinition[] };
  if (!Array.isArray(module.fixtureLabs)) throw new Error(`${FIXTURE_LABS_ENV}=${path} names a module with no "fixtureLabs" list`);
  return module.fixtureLabs;
}

export const catalogue = new LabCatalogue(await fixtureLabs());
