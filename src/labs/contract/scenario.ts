/** A guided scenario: a run fixed by its variant, seed, parameters and actions, told step by step. */
import type { Action } from '../../sim/actions';

export interface NarrationStep {
  readonly at: number;
  readonly text: string;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly variant: string;
  readonly seed: number;
  readonly params: Readonly<Record<string, number | string | boolean>>;
  readonly actions: readonly Action[];
  /** Where the scenario's story ends, in virtual ms. */
  readonly untilMs: number;
  readonly narration: readonly NarrationStep[];
}
