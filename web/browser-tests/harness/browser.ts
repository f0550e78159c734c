import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core (which downloads no browser). Every test gets a fresh profile directory;
 * `relaunch` opens the same profile again, which is what a browser crash and restart looks like to the app.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required',
];

export interface Browser {
  context: BrowserContext;
  profile: string;
  relaunch(): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launch(options: { viewport?: { width: number; height: number }; acceptDownloads?: boolean } = {}): Promise<Browser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'apexshare-chromium-'));
  const open = () => chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    acceptDownloads: options.acceptDownloads ?? true,
  });
  const browser: Browser = {
    context: await open(),
    profile,
    async relaunch() {
      await browser.context.close();
      browser.context = await open();
      return browser.context;
    },
    async close() {
      await browser.context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
  return browser;
}
