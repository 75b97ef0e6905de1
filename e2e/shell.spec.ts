import { expect, test } from '@playwright/test';

test('the landing page names the app', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'distlab' })).toBeVisible();
});
