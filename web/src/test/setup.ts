import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The build machine is shared (load averages of 40 and more): waiting for the page may take seconds, not the 1 s
// default. Waits end as soon as the page is there, so a quiet machine is not slowed down.
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => cleanup());

/**
 * Uppy's constructor schedules a one-off online check 3 s later and never cancels it; a test file that ends sooner
 * has its jsdom `window` gone by then ("window is not defined", an unhandled error that fails the run). Those timers
 * are remembered here and cancelled after each test.
 */
const onlineChecks: ReturnType<typeof setTimeout>[] = [];
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
  const id = realSetTimeout(handler as (...a: unknown[]) => void, timeout, ...args);
  if (typeof handler === 'function' && handler.name === 'bound updateOnlineStatus') onlineChecks.push(id);
  return id;
}) as unknown as typeof setTimeout;
afterEach(() => {
  onlineChecks.splice(0).forEach((id) => clearTimeout(id));
});
