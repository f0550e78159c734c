/**
 * THE REAL RUN: the browser tests against the whole system (gateway, identity provider, services, S3, mail),
 * started as the README starts it. See web/README.md "Browser tests" for the environment:
 *   APEXSHARE_URL               the gateway, e.g. http://127.0.0.1:8080 (required)
 *   APEXSHARE_MAIL_LOG          the local run's output, where it prints "[email] to: … | link: …": a file, or an
 *                               http(s) address answering those lines (required)
 *   APEXSHARE_FIXTURES_URL      e2e's BrowserFixtures: UploadPart requests counted at S3, links expired and removed
 *                               in the download-service's view (optional; WebAppBrowserIntegrationTest sets it)
 *   APEXSHARE_EXPIRED_LINK      a link whose upload's retention has ended (required without APEXSHARE_FIXTURES_URL)
 *   APEXSHARE_REMOVED_LINK      a link whose upload was removed (optional)
 *   APEXSHARE_TRAINER_USERNAME / APEXSHARE_TRAINER_PASSWORD   the demo trainer (defaults: the local run's)
 */
import { readFile } from 'node:fs/promises';
import { eventually } from '../harness/checks';
import { signInAtIdentityProvider } from '../harness/signin';
import { defineAppSuite } from '../harness/suite';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the real-system browser run needs it (web/README.md, "Browser tests")`);
  return value;
}

async function mailLines(source: string): Promise<string> {
  if (/^https?:\/\//.test(source)) return (await fetch(source)).text();
  return readFile(source, 'utf8');
}

defineAppSuite('web app against the whole system', async () => {
  const baseUrl = required('APEXSHARE_URL').replace(/\/$/, '');
  const mailLog = required('APEXSHARE_MAIL_LOG');
  const fixtures = process.env.APEXSHARE_FIXTURES_URL?.replace(/\/$/, '');
  const username = process.env.APEXSHARE_TRAINER_USERNAME ?? 'trainer@apexshare.local';
  const password = process.env.APEXSHARE_TRAINER_PASSWORD ?? 'apexshare-demo';

  /** Every link emailed to this student, oldest first (waits for the first). */
  const emailLinks = async (studentEmail: string) => {
    // The recipient as the run prints it: the bare address or "Name <address>".
    const address = studentEmail.replace(/[.+]/g, '\\$&');
    const pattern = new RegExp(`\\[email\\] to: (?:[^|<]*<)?${address}>? \\|.*\\| link: (\\S+)`, 'g');
    return eventually(async () => [...(await mailLines(mailLog)).matchAll(pattern)].map((m) => m[1]),
      (l) => l.length > 0, `an email to ${studentEmail} in ${mailLog}`, 60_000);
  };
  /** Moves the link into a state only time would bring (BrowserFixtures changes the download-service's view). */
  const change = async (what: 'expire' | 'remove', link: string) => {
    const r = await fetch(`${fixtures}/links/${what}`, { method: 'POST', body: link });
    if (r.status !== 200) throw new Error(`could not ${what} the link: ${r.status} ${await r.text()}`);
    return link;
  };

  return {
    target: {
      name: 'system',
      baseUrl,
      signIn: (page) => signInAtIdentityProvider(page, baseUrl, username, password),
      async emailLink(studentEmail) {
        const links = await emailLinks(studentEmail);
        return links[links.length - 1];
      },
      async expiredLink(studentEmail) {
        if (process.env.APEXSHARE_EXPIRED_LINK || !fixtures) return required('APEXSHARE_EXPIRED_LINK');
        const links = await emailLinks(studentEmail);
        return change('expire', links[links.length - 1]);
      },
      async removedLink(studentEmail) {
        if (process.env.APEXSHARE_REMOVED_LINK || !fixtures) return process.env.APEXSHARE_REMOVED_LINK || undefined;
        // The oldest of the student's links: the newest is the one the student page test used.
        return change('remove', (await emailLinks(studentEmail))[0]);
      },
      uploadPartRequests: fixtures ? async (fileIds) => {
        const counts = (await (await fetch(`${fixtures}/s3/upload-parts`)).json()) as Record<string, number>;
        return Object.entries(counts).filter(([key]) => fileIds.some((id) => key.includes(id)))
          .reduce((sum, [, n]) => sum + n, 0);
      } : undefined,
    },
  };
});
