/**
 * Screenshot regression of the shell and the shared views, in both themes. Every picture is of a
 * fixed moment (seed and virtual time in the URL) with bundled fonts, so it is the same on every
 * run; update the baselines with `npx playwright test e2e/screenshots.spec.ts --update-snapshots`.
 */
import { expect, test } from '@playwright/test';
import { openMoment, settleDrawing } from './playback';

const MOMENT = '/#/beacon?variant=article&seed=7&t=1234.5&a=400:crash:n1~600:restart:n1~900:cut:n2,n3~1000:cut1:n1,n3';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    // The landing page grows with every lab, so its pictures are the parts that do not: the top
    // (header and intro) and the beacon lab's card.
    test('landing page', async ({ page }) => {
      await page.goto('/#/');
      const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Beacon (test fixture)' }) });
      await expect(card).toBeVisible();
      await settleDrawing(page);
      const intro = await page.locator('.landing-intro').boundingBox();
      if (intro === null) throw new Error('the landing page has no intro');
      await expect(page).toHaveScreenshot(`landing-top-${scheme}.png`, { clip: { x: 0, y: 0, width: 1280, height: Math.ceil(intro.y + intro.height + 16) } });
      await expect(card).toHaveScreenshot(`landing-beacon-card-${scheme}.png`);
    });

    test('beacon lab paused at a fixed moment', async ({ page }) => {
      await openMoment(page, MOMENT, 1234.5);
      await expect(page.locator('[data-link="n2-n3"]')).toHaveAttribute('data-state', 'cut');
      await settleDrawing(page);
      await expect(page).toHaveScreenshot(`beacon-${scheme}.png`, { fullPage: true });
    });
  });
}
