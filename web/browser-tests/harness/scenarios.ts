import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { expect } from 'vitest';
import { launch } from './browser';
import type { Browser } from './browser';
import { eventually, expectAccessible, screenshot, watchCsp } from './checks';
import { padTo, recordWebm } from './media';

/**
 * The browser tests of issue 13, written once and run against a target: the real system (`system/`, the run that
 * counts) or the stand-in (`standin/`, today's run of the app's side).
 */
export interface Target {
  name: string;
  baseUrl: string;
  /** From the app's sign-in button through the identity provider and back, signed in. */
  signIn(page: Page): Promise<void>;
  /** The link of the newest email to this student (waits for it). */
  emailLink(studentEmail: string): Promise<string>;
  /** A link of this student's whose end has passed (the target makes or names one). */
  expiredLink(studentEmail: string): Promise<string>;
  /** A link of this student's whose video was removed, where the target can make one. */
  removedLink(studentEmail: string): Promise<string | undefined>;
  /** UploadPart requests S3 itself accepted for these uploads (where the target can count them at S3). */
  uploadPartRequests?(fileIds: string[]): Promise<number>;
}

export interface TestVideo {
  name: string;
  mimeType: string;
  buffer: Buffer;
  /** The same bytes on disk: what the trainer picks (a picked file keeps its name, size and date across reloads). */
  path: string;
}

export const MB = 1_000_000;

const videoDirs: string[] = [];

/** Deletes every file `makeVideos` wrote (40 MB each): call after the suite. */
export async function removeVideos(): Promise<void> {
  await Promise.all(videoDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export async function makeVideos(context: BrowserContext, count: number, size: number): Promise<TestVideo[]> {
  const base = await recordWebm(context);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'apexshare-videos-'));
  videoDirs.push(dir);
  return Promise.all(Array.from({ length: count }, async (_, i) => {
    const name = `GX01${String(42 + i).padStart(4, '0')}-${randomBytes(3).toString('hex')}.webm`;
    const buffer = padTo(base, size);
    const file = path.join(dir, name);
    await writeFile(file, buffer);
    return { name, mimeType: 'video/webm', buffer, path: file };
  }));
}

export function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

/** Every UploadPart PUT the browser got a 200 for, by upload (the S3 URL names it) and part number. */
export class PartLog {
  readonly done: { key: string; partNumber: number }[] = [];

  attach(context: BrowserContext): void {
    context.on('requestfinished', (request: Request) => void this.#record(request));
  }

  async #record(request: Request) {
    if (request.method() !== 'PUT') return;
    const url = new URL(request.url());
    const partNumber = url.searchParams.get('partNumber');
    if (!partNumber) return;
    const response = await request.response();
    if (response?.status() !== 200) return;
    this.done.push({ key: url.pathname, partNumber: Number(partNumber) });
  }

  count(): number {
    return this.done.length;
  }

  since(mark: number) {
    return this.done.slice(mark);
  }
}

export async function gotoAndSettle(page: Page, url: string, heading: string | RegExp): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/**
 * Lets the first `allowed` UploadPart PUTs through and holds every later one (never answered), so that a reload lands
 * in the middle of an upload however fast the machine is. `release()` stops holding new ones.
 */
export async function holdPartsAfter(page: Page, allowed: number) {
  let left = allowed;
  const handler = async (route: import('playwright-core').Route) => {
    const request = route.request();
    if (request.method() !== 'PUT' || !new URL(request.url()).searchParams.has('partNumber') || left > 0) {
      if (request.method() === 'PUT' && new URL(request.url()).searchParams.has('partNumber')) left--;
      await route.continue();
      return;
    }
    // Held: the reload abandons it, as a crash would.
  };
  const everything = () => true;
  await page.route(everything, handler);
  return { release: () => page.unroute(everything, handler) };
}

export async function describeDrafts(page: Page, student: { email: string; name: string }, notes: string) {
  const drafts = page.getByRole('group').filter({ has: page.getByLabel('Student email') });
  const first = drafts.first();
  await first.getByLabel('Student email').fill(student.email);
  await first.getByLabel('Student name').fill(student.name);
  await first.getByLabel('Notes for the student (optional)').fill(notes);
  if (await drafts.count() > 1) await page.getByRole('button', { name: 'Use this student for all videos' }).click();
}

/** Waits until the upload page shows `count` finished uploads. */
export async function waitUploaded(page: Page, count: number, timeout = Number(process.env.UPLOAD_WAIT_MS ?? 120_000)) {
  try {
    await expect.poll(() => page.locator('.upload--done').count(), { timeout, interval: 200 }).toBe(count);
  } catch (e) {
    await screenshot(page, 'failed-upload-wait');
    throw e;
  }
}

export interface Uploaded {
  fileId: string;
  video: TestVideo;
}

/** Remembers the file ids the service hands out (from the initiate answers). */
export function watchInitiations(page: Page, into: Map<string, string>) {
  page.on('response', async (response) => {
    if (!response.url().endsWith('/api/v1/uploads/initiate') || response.status() !== 201) return;
    const body = await response.json() as { data: { fileId: string } };
    const request = response.request().postDataJSON() as { fileName: string };
    into.set(request.fileName, body.data.fileId);
  });
}

export { launch };
export type { Browser };
export { eventually, expectAccessible, screenshot, watchCsp };
