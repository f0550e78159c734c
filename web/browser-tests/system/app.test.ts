/**
 * THE REAL RUN: the browser tests against the whole system (gateway, identity provider, services, S3, mail),
 * started as the README starts it. See web/README.md "Browser tests" for the environment:
 *   APEXSHARE_URL               the gateway, e.g. http://127.0.0.1:8080 (required)
 *   APEXSHARE_MAIL_LOG          a file with the local run's output, where it prints "[email] to: … | link: …" (required)
 *   APEXSHARE_EXPIRED_LINK      a link whose upload's retention has ended (required)
 *   APEXSHARE_REMOVED_LINK      a link whose upload was removed (optional)
 *   APEXSHARE_TRAINER_USERNAME / APEXSHARE_TRAINER_PASSWORD   the demo trainer (defaults: the local run's)
 */
import { readFile } from 'node:fs/promises';
import { eventually } from '../harness/checks';
import { defineAppSuite } from '../harness/suite';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the real-system browser run needs it (web/README.md, "Browser tests")`);
  return value;
}

defineAppSuite('web app against the whole system', async () => {
  const baseUrl = required('APEXSHARE_URL').replace(/\/$/, '');
  const mailLog = required('APEXSHARE_MAIL_LOG');
  const username = process.env.APEXSHARE_TRAINER_USERNAME ?? 'trainer@apexshare.local';
  const password = process.env.APEXSHARE_TRAINER_PASSWORD ?? 'apexshare-demo';
  return {
    target: {
      name: 'system',
      baseUrl,
      async signIn(page) {
        await page.getByRole('link', { name: 'Sign in' }).click();
        // The identity provider's sign-in form (username + password), then back through the gateway.
        await page.locator('input[name="username"]').fill(username);
        await page.locator('input[name="password"]').fill(password);
        await page.locator('form button[type="submit"], form input[type="submit"]').first().click();
        const consent = page.locator('form[action*="/oauth2/authorize"] button[type="submit"]');
        await page.waitForURL((url) => url.origin === new URL(baseUrl).origin || url.pathname.includes('consent'));
        if (await consent.count()) await consent.first().click();
        await page.waitForURL((url) => url.origin === new URL(baseUrl).origin);
      },
      async emailLink(studentEmail) {
        const pattern = new RegExp(`\\[email\\] to: ${studentEmail.replace(/[.+]/g, '\\$&')} \\|.*\\| link: (\\S+)`, 'g');
        const links = await eventually(async () => [...(await readFile(mailLog, 'utf8')).matchAll(pattern)].map((m) => m[1]),
          (l) => l.length > 0, `an email to ${studentEmail} in ${mailLog}`, 60_000);
        return links[links.length - 1];
      },
      async expiredLink() {
        return required('APEXSHARE_EXPIRED_LINK');
      },
      async removedLink() {
        return process.env.APEXSHARE_REMOVED_LINK || undefined;
      },
    },
  };
});
