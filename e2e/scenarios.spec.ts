/**
 * Every guided scenario of every lab, as a teacher walks it: open it from the landing
 * page, step through its narration with "Next step" (each step's text at its moment), and at the
 * last step the invariants panel agrees with the same run done in-process in Node (the rules it
 * broke, or none). A screenshot of the page at that moment guards the pictures. Update the
 * baselines with `npx playwright test e2e/scenarios.spec.ts --update-snapshots`.
 */
import { expect, test } from '@playwright/test';
import { productLabs } from '../src/labs/catalog';
import { createInProcessRun, runUntil } from '../src/runtime/inProcess';
import type { LabDefinition } from '../src/labs/contract/lab';
import type { Scenario } from '../src/labs/contract/scenario';
import { scenarioSpec } from '../src/store/url';
import { settle, timeLabel } from './playback';

/** The rules a run of the scenario has broken by virtual time `t`, computed in-process. */
function rulesBrokenBy(lab: LabDefinition, scenario: Scenario, t: number): string[] {
  const run = createInProcessRun(lab, scenarioSpec(lab, scenario));
  while (runUntil(run.sim, run.stepper, t) === 'halted') run.sim.clearHalt();
  return [...run.sim.world.violatedRules].sort();
}

for (const lab of productLabs) {
  test.describe(lab.title, () => {
    for (const scenario of lab.scenarios) {
      test(`${scenario.id}: its story, step by step, and where it ends`, async ({ page }) => {
        await page.goto('/#/');
        const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: lab.title, exact: true, level: 3 }) });
        await card.getByRole('link', { name: scenario.title, exact: true }).click();
        const story = page.getByRole('region', { name: `Scenario: ${scenario.title}` });
        await expect(story).toBeVisible();
        await expect(page.getByTestId('status-state')).toHaveText('paused');

        const steps = scenario.narration;
        for (const [i, step] of steps.entries()) {
          // A step at 0 ms is already the current one when the scenario opens.
          if (i > 0 || step.at > 0) await story.getByRole('button', { name: 'Next step' }).click();
          await expect(page.getByTestId('status-time')).toHaveText(timeLabel(step.at));
          await expect(story).toContainText(step.text);
          await expect(story).toContainText(`step ${i + 1} of ${steps.length}`);
        }
        await expect(story.getByRole('button', { name: 'Next step' })).toBeDisabled();

        const last = steps[steps.length - 1]?.at ?? 0;
        const broken = rulesBrokenBy(lab, scenario, last);
        const invariants = page.getByRole('region', { name: 'Invariants' });
        await expect(invariants.getByRole('listitem', { name: /: violated$/ })).toHaveCount(broken.length);
        for (const rule of broken) await expect(invariants.getByRole('listitem', { name: `${rule}: violated` })).toBeVisible();

        await settle(page, last, 'stopped');
        // A tighter bound than the default: on a picture this tall, 0.2 % would let a whole line of text change.
        await expect(page.locator('.lab-grid')).toHaveScreenshot(`${lab.id}-${scenario.id}.png`, { maxDiffPixelRatio: 0.0002 });
      });
    }
  });
}
