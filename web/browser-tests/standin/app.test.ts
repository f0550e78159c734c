/**
 * STAND-IN RUN: the built app against browser-tests/standin/fakeSystem.ts (a Node fake of the gateway, the services
 * and S3) — layout, accessibility, screenshots and the app's side of every flow, today. The real proof is
 * `npm run test:browser` against the whole system (APEXSHARE_URL).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { defineAppSuite } from '../harness/suite';
import { eventually } from '../harness/checks';
import { FakeSystem } from './fakeSystem';

const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../target/classes/static');

defineAppSuite('web app against the stand-in', async () => {
  const fake = new FakeSystem({ staticDir });
  await fake.start();
  return {
    target: {
      name: 'standin',
      baseUrl: fake.appUrl,
      async signIn(page) {
        await page.getByRole('link', { name: 'Sign in' }).click();
      },
      async emailLink(studentEmail) {
        const mails = await eventually(() => fake.mails.filter((m) => m.to === studentEmail), (m) => m.length > 0, `an email to ${studentEmail}`);
        return mails[mails.length - 1].link;
      },
      async expiredLink() {
        return `${fake.appUrl}/d/${fake.seedAvailable({ fileName: 'old.mp4', bytes: randomBytes(10) }, 'EXPIRED')}`;
      },
      async removedLink() {
        return `${fake.appUrl}/d/${fake.seedAvailable({ fileName: 'gone.mp4', bytes: randomBytes(10) }, 'REMOVED')}`;
      },
      uploadPartRequests: async (fileIds) => fileIds.reduce((sum, id) => sum + (fake.uploadPartRequests.get(id) ?? 0), 0),
    },
    teardown: () => fake.stop(),
  };
});
