/**
 * Debian's Chromium through playwright-core (no downloaded browsers), with JavaScript
 * on or off, recording every request each page makes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export interface RecordingContext {
  context: BrowserContext;
  page: Page;
  /** Every URL requested by the page, in order. */
  requests: string[];
  /** Console errors reporting a Content-Security-Policy block: there must be none. */
  cspViolations: string[];
  close(): Promise<void>;
}

export async function openPage(browser: Browser, options: { javaScript: boolean }): Promise<RecordingContext> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return { context, page, requests, cspViolations, close: () => context.close() };
}

/**
 * Waits until React has hydrated the page. Until then a click on a form's button is
 * the browser's own submission, as if JavaScript were off: a test of what JavaScript
 * adds must not click before it is there. `load` is not enough: the framework starts
 * hydrating from a dynamic import that the load event does not wait for.
 */
export async function hydrated(page: Page, selector = 'form'): Promise<void> {
  await page.waitForFunction(
    (s) => {
      const el = document.querySelector(s);
      return el !== null && Object.keys(el).some((key) => key.startsWith('__reactProps$'));
    },
    selector,
    { timeout: 30_000 },
  );
}

/** Requests to any origin other than ours. */
export function foreignRequests(requests: string[], baseUrl: string): string[] {
  const ours = new URL(baseUrl).origin;
  return requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== ours);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Serious and critical accessibility violations on the page as it stands. axe-core is
 * evaluated through the browser's debugging protocol (our CSP forbids any script of
 * its own) and asked for violations only: collecting every passing node as well is
 * what made a page take a second or more.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  }, AXE_TAGS);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`);
}
