/**
 * Walking the staff side in Chromium: waiting for a page by its heading (polled from
 * the test, so it works with JavaScript off), pressing buttons, and signing in the way
 * a person does, two-factor set-up included (the secret read from the page, the code
 * computed here).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed';
import { currentTotp } from '../../modules/auth/totp';
import { seriousAccessibilityViolations } from './browser';

export const headingNow = (page: Page) => page.locator('h1').first().textContent({ timeout: 500 }).then((t) => t?.trim() ?? null, () => null);

/** Waits until the page shows this heading. */
export async function showing(page: Page, text: string | RegExp, timeout = 30_000) {
  await expect.poll(() => headingNow(page), { timeout, interval: 200 }).toMatch(text);
  await page.waitForLoadState('load');
}

export const press = (page: Page, button: string) => page.getByRole('button', { name: button, exact: true }).click();

export const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

export async function signInWithPassword(page: Page, baseUrl: string, email: string, password: string = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/staff/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await press(page, 'Continue');
}

/** First sign-in: scan (read) the secret, type the code, keep the recovery codes. */
export async function setUpTwoFactor(page: Page, options: { checkAccessibility?: boolean } = {}): Promise<{ secret: string; recoveryCodes: string[] }> {
  await showing(page, 'Set up two-factor authentication');
  if (options.checkAccessibility) expect(await seriousAccessibilityViolations(page)).toEqual([]);
  const secret = ((await page.locator('[data-testid=totp-secret]').textContent()) ?? '').replace(/\s+/g, '');
  await page.fill('#code', currentTotp(secret));
  await press(page, 'Continue');
  await showing(page, 'Two-factor authentication is set up');
  if (options.checkAccessibility) expect(await seriousAccessibilityViolations(page)).toEqual([]);
  const recoveryCodes = (await page.locator('[data-testid=recovery-codes] code').allTextContents()).map((c) => c.trim());
  await page.getByRole('link', { name: 'I have kept my codes safe, continue' }).click();
  await showing(page, /^Hello, /);
  return { secret, recoveryCodes };
}

/** A demo account's first sign-in, ending on the staff home page. */
export async function signInFirstTime(page: Page, baseUrl: string, email: string) {
  await signInWithPassword(page, baseUrl, email);
  return setUpTwoFactor(page);
}

/** The authenticator app each demo account set up, per site, and the last 30-second step a code was used in. */
const apps = new Map<string, { secret: string; lastStep: number }>();
const stepOf = (time: number) => Math.floor(time / 30_000);

/**
 * Signs a demo account in, whether or not it has signed in before on this site: the
 * first time sets up two-factor; later times type a code from the same app. A code
 * works only once, so a second sign-in within the same 30 seconds waits for the next.
 */
export async function signInAs(page: Page, baseUrl: string, email: string) {
  const key = `${baseUrl} ${email}`;
  const app = apps.get(key);
  await signInWithPassword(page, baseUrl, email);
  if (!app) {
    const { secret } = await setUpTwoFactor(page);
    apps.set(key, { secret, lastStep: stepOf(Date.now()) });
    return;
  }
  await showing(page, 'Enter the code from your authenticator app');
  while (stepOf(Date.now()) <= app.lastStep) await new Promise((resolve) => setTimeout(resolve, 1_000));
  const now = Date.now();
  await page.fill('#code', currentTotp(app.secret, now));
  app.lastStep = stepOf(now);
  await press(page, 'Sign in');
  await showing(page, /^Hello, /);
}
