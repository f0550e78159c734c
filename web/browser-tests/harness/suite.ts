import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeDrafts, eventually, expectAccessible, gotoAndSettle, launch, makeVideos, MB, PartLog, removeVideos, screenshot, sha256,
  holdPartsAfter, waitUploaded, watchCsp, watchInitiations,
} from './scenarios';
import type { Browser, Target, TestVideo } from './scenarios';

/**
 * The browser tests, in the order a trainer and a student live them. One trainer browser and one student
 * browser per run; every page gets an axe-core check and a screenshot (web/target/screenshots/).
 */
export function defineAppSuite(name: string, setup: () => Promise<{ target: Target; teardown?: () => Promise<void> }>) {
  describe(name, () => {
    let target: Target;
    let teardown: (() => Promise<void>) | undefined;
    let trainer: Browser;
    let page: Page;
    let csp: string[];
    const parts = new PartLog();
    const fileIds = new Map<string, string>();
    let videos: TestVideo[];
    const student = { email: `sue.${randomBytes(4).toString('hex')}@student.example`, name: 'Sue Rider' };
    // Uploads that only test the upload page go to another student, so that Sue's two videos stay alone.
    const other = { email: `max.${randomBytes(4).toString('hex')}@student.example`, name: 'Max Mustermann' };

    beforeAll(async () => {
      ({ target, teardown } = await setup());
      trainer = await launch();
      parts.attach(trainer.context);
      page = trainer.context.pages()[0] ?? await trainer.context.newPage();
      csp = watchCsp(page);
      if (process.env.DEBUG_PAGE) page.on('console', (m) => console.log('[page]', m.type(), m.text()));
      watchInitiations(page, fileIds);
      videos = await makeVideos(trainer.context, 2, 40 * MB);
    });

    afterAll(async () => {
      await trainer?.close();
      await teardown?.();
      await removeVideos();
    });

    it('should ask to sign in, then sign the demo trainer in', async () => {
      await gotoAndSettle(page, `${target.baseUrl}/uploads`, 'Sign in to ApexShare');
      await expectAccessible(page, 'the sign-in page');
      await screenshot(page, '01-sign-in');
      await target.signIn(page);
      await page.getByRole('heading', { level: 1, name: 'Your uploads' }).waitFor();
      await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    });

    it('should show the service\'s field errors next to the field they concern', async () => {
      await gotoAndSettle(page, `${target.baseUrl}/upload`, 'Upload videos');
      await expectAccessible(page, 'the empty upload page');
      await screenshot(page, '02-upload-empty');
      await page.locator('input[type=file]').first().setInputFiles([videos[0].path]);
      await describeDrafts(page, { email: 'not-an-email@', name: student.name }, '');
      await page.getByRole('button', { name: /^Upload 1 video$/ }).click();
      const email = page.getByLabel('Student email');
      await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
      const message = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent();
      expect(message).toMatch(/email/i);
      await expectAccessible(page, 'the upload page with a field error');
      await screenshot(page, '03-upload-field-error');
      await page.getByRole('button', { name: new RegExp(`Remove ${videos[0].name}`) }).click();
    });

    it('should upload two 40 MB files at once and, after a reload mid-upload and picking them again, send only the missing parts', async () => {
      await gotoAndSettle(page, `${target.baseUrl}/upload`, 'Upload videos');
      const hold = await holdPartsAfter(page, 2);
      await page.locator('input[type=file]').first().setInputFiles(videos.map((v) => v.path));
      await describeDrafts(page, student, 'Watch your line in turn 3.\nBrake earlier into the hairpin.');
      await expectAccessible(page, 'the upload form with two videos');
      await screenshot(page, '04-upload-form');
      await page.getByRole('button', { name: 'Upload 2 videos' }).click();

      // Mid-upload: at least one part is in S3, not all of them.
      await eventually(() => parts.count(), (n) => n >= 2, 'the first parts in S3', 120_000);
      await expectAccessible(page, 'the upload page while uploading');
      await screenshot(page, '05-upload-progress');
      const before = parts.since(0).map((p) => `${p.key}#${p.partNumber}`);
      const mark = parts.count();
      const sueIds = () => videos.map((v) => fileIds.get(v.name)!);
      const serverPartsBefore = await target.uploadPartRequests?.(sueIds());
      // The page asks before leaving while uploads run; the trainer leaves anyway.
      const asked: string[] = [];
      const leave = (d: import('playwright-core').Dialog) => { asked.push(d.type()); void d.accept(); };
      page.on('dialog', leave);
      await page.reload();
      page.off('dialog', leave);
      await hold.release();
      expect(asked).toEqual(['beforeunload']);
      await page.getByRole('heading', { name: 'Unfinished uploads' }).waitFor();
      await expect.poll(() => page.getByText('Pick the file again to continue').count()).toBe(2);
      await expectAccessible(page, 'the unfinished uploads after a reload');
      await screenshot(page, '06-upload-unfinished');
      const sentBeforeReload = new Set(parts.since(0).map((p) => `${p.key}#${p.partNumber}`));

      await page.getByLabel('Choose videos').setInputFiles(videos.map((v) => v.path));
      await waitUploaded(page, 2);
      await screenshot(page, '07-upload-done');

      const after = parts.since(mark).map((p) => `${p.key}#${p.partNumber}`);
      const totalParts = new Map<string, number>();
      for (const p of parts.since(0)) totalParts.set(p.key, Math.max(totalParts.get(p.key) ?? 0, p.partNumber));
      const total = [...totalParts.values()].reduce((a, b) => a + b, 0);
      // Nothing S3 had before the reload went again; after it, each missing part went once, and not all parts went.
      expect(totalParts.size).toBe(2);
      expect(after.filter((p) => sentBeforeReload.has(p))).toEqual([]);
      expect(new Set(after).size).toBe(after.length);
      expect(after.length).toBeGreaterThan(0);
      expect(after.length).toBeLessThan(total);
      expect(before.length).toBeGreaterThan(0);
      if (target.uploadPartRequests && serverPartsBefore !== undefined) {
        // Counted at S3 itself: every part arrived exactly once, across the reload, and after it only the missing ones.
        const atS3 = await target.uploadPartRequests(sueIds());
        console.log(`UploadPart requests at S3: ${serverPartsBefore} before the reload, ${atS3 - serverPartsBefore} after it, ${total} parts in all`);
        expect(serverPartsBefore).toBe(before.length);
        expect(atS3).toBe(total);
        expect(atS3 - serverPartsBefore).toBe(after.length);
      }
      expect(csp).toEqual([]);
    });

    it('should pause, resume and cancel an upload, and cancelling aborts it on the server', async () => {
      const [extra] = await makeVideos(trainer.context, 1, 40 * MB);
      await gotoAndSettle(page, `${target.baseUrl}/upload`, 'Upload videos');
      const hold = await holdPartsAfter(page, 1);
      try {
        await page.getByLabel('Choose videos').setInputFiles([extra.path]);
        await describeDrafts(page, other, '');
        await page.getByRole('button', { name: 'Upload 1 video' }).click();
        const row = page.locator('.upload').filter({ hasText: extra.name });
        await row.getByText('Uploading', { exact: true }).waitFor();
        await row.getByRole('button', { name: `Pause ${extra.name}` }).click();
        await row.getByText('Paused', { exact: true }).waitFor();
        await screenshot(page, '15-upload-paused');
        await row.getByRole('button', { name: `Resume ${extra.name}` }).click();
        await row.getByText('Uploading', { exact: true }).waitFor();
        await row.getByRole('button', { name: `Cancel ${extra.name}` }).click();
        await expectAccessible(page, 'the cancel confirmation');
        await row.getByRole('button', { name: 'Yes, cancel' }).click();
        await expect.poll(() => row.count()).toBe(0);
        const fileId = fileIds.get(extra.name)!;
        await eventually(async () => (await (await page.request.get(`${target.baseUrl}/api/v1/uploads/${fileId}/parts`)).json()) as { data: { status: string } },
          (r) => r.data.status === 'ABORTED', 'the upload to be aborted');
      } finally {
        await hold.release();
      }
    });

    it('should list an unfinished upload after the browser restarts, and finish it when the file is picked again', async () => {
      const [crashed] = await makeVideos(trainer.context, 1, 40 * MB);
      await gotoAndSettle(page, `${target.baseUrl}/upload`, 'Upload videos');
      const hold = await holdPartsAfter(page, 1);
      await page.getByLabel('Choose videos').setInputFiles([crashed.path]);
      await describeDrafts(page, other, 'After the crash');
      await page.getByRole('button', { name: 'Upload 1 video' }).click();
      await eventually(() => parts.done.filter((p) => p.key.includes(fileIds.get(crashed.name) ?? '?')).length, (n) => n >= 1, 'a first part', 60_000);
      const mark = parts.count();
      void hold;
      // Closing the browser mid-upload (state in localStorage and IndexedDB survives, the session cookie does not).
      page.on('dialog', (d) => void d.accept());
      const context = await trainer.relaunch();
      parts.attach(context);
      page = context.pages()[0] ?? await context.newPage();
      watchInitiations(page, fileIds);
      await page.goto(`${target.baseUrl}/upload`);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      if ((await heading.textContent())?.includes('Sign in')) {
        await target.signIn(page);
        await page.goto(`${target.baseUrl}/upload`);
      }
      await page.getByRole('heading', { name: 'Unfinished uploads' }).waitFor();
      await page.getByLabel(`Pick ${crashed.name} again`).setInputFiles([crashed.path]);
      await expect.poll(() => page.locator('.upload--done').filter({ hasText: crashed.name }).count(), { timeout: 120_000, interval: 200 }).toBe(1);
      const resent = parts.since(mark).filter((p) => p.key.includes(fileIds.get(crashed.name)!));
      const before = parts.done.slice(0, mark).filter((p) => p.key.includes(fileIds.get(crashed.name)!)).map((p) => p.partNumber);
      expect(resent.map((p) => p.partNumber).filter((n) => before.includes(n))).toEqual([]);
    });

    it('should keep the dashboard and the upload page usable on a phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        await gotoAndSettle(page, `${target.baseUrl}/uploads`, 'Your uploads');
        await expectAccessible(page, 'the dashboard on a phone');
        await screenshot(page, '16-dashboard-phone');
        await gotoAndSettle(page, `${target.baseUrl}/upload`, 'Upload videos');
        await expectAccessible(page, 'the upload page on a phone');
        await screenshot(page, '17-upload-phone');
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    });

    it('should show on the dashboard that the emails were sent, without reloading the page', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your uploads' }).waitFor();
      for (const v of videos) {
        const row = page.getByRole('row').filter({ hasText: v.name });
        // The email badge: "Sent", and where the catalog reports a delivery state its hint too (read out).
        await expect.poll(() => row.getByText(/^Sent(: Accepted by the mail provider; no delivery report yet)?$/).count(), { timeout: 60_000, interval: 250 }).toBe(1);
      }
      await expectAccessible(page, 'the dashboard');
      await screenshot(page, '08-dashboard');
      await page.getByLabel('Student email').fill(student.email);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
      await page.getByRole('link', { name: videos[0].name }).click();
      await page.getByRole('heading', { level: 1, name: videos[0].name }).waitFor();
      await page.getByText('Email sent', { exact: true }).waitFor();
      await expectAccessible(page, 'the upload detail');
      await screenshot(page, '09-upload-detail');
    });

    it('should let the student play and download the video from the email link, and count one download per visit', async () => {
      const link = await target.emailLink(student.email);
      const studentBrowser = await launch({ viewport: { width: 390, height: 844 } });
      try {
        const s = studentBrowser.context.pages()[0] ?? await studentBrowser.context.newPage();
        const studentCsp = watchCsp(s);
        const starts: string[] = [];
        s.on('request', (r) => { if (r.url().includes('/start') || /\/api\/v1\/downloads\/[^/]+$/.test(r.url())) starts.push(r.url()); });
        await gotoAndSettle(s, link, 'Your riding session video');
        expect(starts).toEqual([]);
        await expectAccessible(s, 'the student page');
        await screenshot(s, '10-student-phone');

        // Keyboard alone: the skip link, then the player's button, Enter starts it and the focus moves to the video.
        await s.keyboard.press('Tab');
        await expect.poll(() => s.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
        await s.keyboard.press('Enter');
        await s.getByRole('button', { name: 'Play video' }).focus();
        await s.keyboard.press('Enter');
        await expect.poll(() => s.evaluate(() => document.activeElement?.tagName)).toBe('VIDEO');
        const player = s.locator('video');
        await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime > 0 && !v.paused && v.readyState >= 2), { timeout: 30_000 }).toBe(true);
        await expectAccessible(s, 'the student page while playing');
        await screenshot(s, '11-student-playing');

        const download = s.waitForEvent('download');
        await s.getByRole('button', { name: /^Download/ }).click();
        const file = await (await download).path();
        const { readFile } = await import('node:fs/promises');
        const downloaded = sha256(await readFile(file));
        const video = videos.find((v) => sha256(v.buffer) === downloaded);
        expect(video, 'the downloaded bytes are one of the uploaded videos').toBeDefined();
        const byLink = { video: video!, fileId: fileIds.get(video!.name)! };
        expect(studentCsp).toEqual([]);

        const count = () => downloadCount(page, target.baseUrl, byLink.fileId);
        await eventually(count, (n) => n >= 1, 'the download to be counted');
        expect(await count()).toBe(1);

        // A second visit that only opens the page asks for no URL, so it cannot count.
        const again = await studentBrowser.context.newPage();
        const againStarts: string[] = [];
        again.on('request', (r) => { if (r.method() === 'POST' || /\/api\/v1\/downloads\/[^/]+$/.test(r.url())) againStarts.push(r.url()); });
        await gotoAndSettle(again, link, 'Your riding session video');
        expect(againStarts).toEqual([]);
        // curl -L <link> still downloads the file (and counts); once it is counted, everything before it is too.
        const curl = await fetch(link, { headers: { 'User-Agent': 'curl/8.5.0', Accept: '*/*' } });
        expect(curl.status).toBe(200);
        expect(sha256(Buffer.from(await curl.arrayBuffer()))).toBe(sha256(byLink.video.buffer));
        await eventually(count, (n) => n >= 2, 'the curl download to be counted');
        expect(await count()).toBe(2);
        const families = await downloadFamilies(page, target.baseUrl, byLink.fileId);
        if (families) expect(families.sort()).toEqual(['Chrome', 'curl']);
      } finally {
        await studentBrowser.close();
      }
    });

    it('should sign the trainer out', async () => {
      await gotoAndSettle(page, `${target.baseUrl}/uploads`, 'Your uploads');
      // Signing out leaves for the identity provider's end-session endpoint, which sends the browser back to `/`:
      // wait for that navigation to land before going anywhere, or the next goto races it.
      const base = new URL(target.baseUrl);
      const back = page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame()
        && new URL(r.url()).origin === base.origin && new URL(r.url()).pathname === '/', { timeout: 60_000 });
      await page.getByRole('button', { name: 'Sign out' }).click();
      await back;
      await page.getByRole('heading', { level: 1, name: 'Sign in to ApexShare' }).waitFor();
      await expectAccessible(page, 'the page after signing out');
      await page.goto(`${target.baseUrl}/uploads`);
      await page.getByRole('heading', { level: 1, name: 'Sign in to ApexShare' }).waitFor();
      expect((await page.request.get(`${target.baseUrl}/api/v1/me`)).status()).toBe(401);
    });

    it('should explain unknown, expired and removed links', async () => {
      const studentBrowser = await launch({ viewport: { width: 390, height: 844 } });
      try {
        const s = studentBrowser.context.pages()[0] ?? await studentBrowser.context.newPage();
        await gotoAndSettle(s, `${target.baseUrl}/d/${randomBytes(32).toString('base64url')}`, 'Link not found');
        await expectAccessible(s, 'the unknown-link page');
        await screenshot(s, '12-link-unknown');
        await gotoAndSettle(s, await target.expiredLink(other.email), 'This link has expired');
        await expectAccessible(s, 'the expired-link page');
        await screenshot(s, '13-link-expired');
        const removed = await target.removedLink(student.email);
        if (removed) {
          await gotoAndSettle(s, removed, 'This video was removed');
          await expectAccessible(s, 'the removed-video page');
          await screenshot(s, '14-link-removed');
        }
      } finally {
        await studentBrowser.close();
      }
    });
  });
}

async function downloadCount(page: Page, base: string, fileId: string): Promise<number> {
  const r = await page.request.get(`${base}/api/v1/uploads/${fileId}`);
  return ((await r.json()) as { data: { downloadCount: number } }).data.downloadCount;
}

async function downloadFamilies(page: Page, base: string, fileId: string): Promise<string[] | undefined> {
  const r = await page.request.get(`${base}/api/v1/uploads/${fileId}/downloads`);
  if (!r.ok()) return undefined;
  return ((await r.json()) as { data: { downloads: { userAgentFamily: string }[] } }).data.downloads.map((d) => d.userAgentFamily);
}
