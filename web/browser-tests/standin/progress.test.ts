/**
 * STAND-IN RUN only: a slow uplink (the fake S3 reads each part at 2 MB/s) so that the upload page's progress, rate and
 * time left can be seen and checked while the upload runs.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../harness/browser';
import type { Browser } from '../harness/browser';
import { expectAccessible, screenshot } from '../harness/checks';
import { describeDrafts, gotoAndSettle, makeVideos, MB, removeVideos, waitUploaded } from '../harness/scenarios';
import { FakeSystem } from './fakeSystem';

const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../target/classes/static');

describe('upload progress on a slow uplink (stand-in)', () => {
  let fake: FakeSystem;
  let browser: Browser;

  beforeAll(async () => {
    fake = new FakeSystem({ staticDir, s3BytesPerSecond: 2 * MB });
    await fake.start();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await fake?.stop();
    await removeVideos();
  });

  it('should show progress per file and overall with rate and time left, several parts at once', async () => {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    await gotoAndSettle(page, `${fake.appUrl}/upload`, 'Sign in to ApexShare');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await gotoAndSettle(page, `${fake.appUrl}/upload`, 'Upload videos');
    const [video] = await makeVideos(browser.context, 1, 40 * MB);
    await page.getByLabel('Choose videos').setInputFiles([video.path]);
    await describeDrafts(page, { email: 'rate@student.example', name: 'Rita Rate' }, '');
    await page.getByRole('button', { name: 'Upload 1 video' }).click();

    const row = page.locator('.upload').filter({ hasText: video.name });
    const status = row.locator('.upload__status');
    const totals = page.locator('.totals__text');
    // e.g. "Uploading · 12.6 MB of 40.0 MB (31 %) · 9.80 MB/s · 2 s left"
    await expect.poll(() => status.textContent()).toMatch(/Uploading · [\d.]+ MB of 40\.0 MB \(\d+ %\) · [\d.]+ MB\/s · \d+ s left/);
    await expect.poll(() => totals.textContent()).toMatch(/of 40\.0 MB · [\d.]+ MB\/s · \d+ s left/);
    await expectAccessible(page, 'the upload page while bytes move');
    await screenshot(page, '05b-upload-rate');
    await waitUploaded(page, 1);
    // 40 MB in parts of 8 MiB: all five parts were in flight at once (the issue asks for at least 4).
    expect(fake.maxConcurrentPuts).toBe(5);
  });
});
