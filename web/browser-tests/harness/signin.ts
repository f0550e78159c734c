import type { Page } from 'playwright-core';

/** From the app's sign-in button through the identity provider's form (username + password) and back to the app. */
export async function signInAtIdentityProvider(page: Page, baseUrl: string, username: string, password: string) {
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"], form input[type="submit"]').first().click();
  const consent = page.locator('form[action*="/oauth2/authorize"] button[type="submit"]');
  await page.waitForURL((url) => url.origin === new URL(baseUrl).origin || url.pathname.includes('consent'));
  if (await consent.count()) await consent.first().click();
  await page.waitForURL((url) => url.origin === new URL(baseUrl).origin);
}
