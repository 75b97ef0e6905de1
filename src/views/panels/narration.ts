/** Which step of a scenario's narration is current at a virtual time. Pure, for the panel. */
import type { NarrationStep } from '../../labs/contract/scenario';

/** The index of the last step at or before `now`, or -1 before the first. */
export function currentStep(steps: readonly NarrationStep[], now: number): number {
  let found = -1;
  steps.forEach((s, i) => {
    if (s.at <= now) found = i;
  });
  return found;
}
