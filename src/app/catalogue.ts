/**
 * The page's labs: the one catalogue of src/labs, with the test fixture labs in development, e2e
 * and test builds (`distlab:fixture-labs`, see vite.config.ts; empty in a production build). The
 * page, the scheduler worker and every node worker read labs from here.
 */
import { fixtureLabs } from 'distlab:fixture-labs';
import { LabCatalogue } from '../labs/catalog';

export const catalogue = new LabCatalogue(fixtureLabs);
