import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, vi } from 'vitest';
import { launchBrowser } from './browser';
import { startTestServer, type TestServer } from './server';

/** For an end-to-end test file: the built site on its own database, and Chromium. */
export function useSiteInBrowser(options: { seed?: boolean; env?: Record<string, string> } = {}): { readonly server: TestServer; readonly browser: Browser } {
  // A walk through a real browser shares two cores with the other test worker: give it room.
  vi.setConfig({ testTimeout: 120_000 });
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ seed: options.seed ?? false, env: options.env }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('The site is ready only inside tests and hooks.');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser is ready only inside tests and hooks.');
      return browser;
    },
  };
}
