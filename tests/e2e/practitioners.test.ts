import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connect } from '../../db/connection';
import { hashPassword } from '../../modules/auth/password';
import { getContentLibrary } from '../../modules/content/index';
import { foreignRequests, openPage, seriousAccessibilityViolations } from '../support/browser';
import { useSiteInBrowser } from '../support/e2e';
import { passwordResetPathFor, pdfText, verificationPathFor } from '../support/practitioners';

const EMAIL = 'sam.youthworker@youth-club.example';
const PASSWORD = 'kettle lantern orchard 42';

/** The page's heading as it is now, or null while a new page is still arriving. */
async function headingNow(page: Page): Promise<string | null> {
  const text = await page.locator('h1').first().textContent({ timeout: 500 }).catch(() => null);
  return text?.trim() ?? null;
}

/** Waits for this heading, polled from the test so it works the same with JavaScript off. */
async function showing(page: Page, text: string) {
  await expect.poll(() => headingNow(page), { timeout: 30_000, interval: 100 }).toBe(text);
  await page.waitForLoadState('load');
}

describe('practitioner packs in Chromium', () => {
  const site = useSiteInBrowser({ seed: false });

  it('with JavaScript off: register, confirm by the emailed link, sign in and download a pack', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    const base = site.server.baseUrl;

    await page.goto(`${base}/practitioners`);
    await showing(page, 'Practitioner packs');
    await page.getByRole('link', { name: 'Register', exact: true }).click();
    await showing(page, 'Register to download the packs');

    // A mistake first: the error summary, and what was typed kept (never the password).
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Create a password').fill(PASSWORD);
    await page.getByLabel('Enter the password again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Register' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the name of the organisation you work for');
    expect(await page.getByLabel('Email address').inputValue()).toBe(EMAIL);
    expect(await page.getByLabel('Create a password').inputValue()).toBe('');

    await page.getByLabel('Organisation name').fill('Northside Youth Club');
    await page.getByLabel('Create a password').fill(PASSWORD);
    await page.getByLabel('Enter the password again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Register' }).click();
    await showing(page, 'Check your email');
    expect(await page.locator('main').textContent()).toContain(EMAIL);
    expect(await context.cookies()).toEqual([]);

    const db = connect(site.server.databaseUrl, { max: 1 });
    const link = await verificationPathFor(db, EMAIL).finally(() => db.destroy());
    await page.goto(`${base}${link}`);
    await showing(page, 'Confirm your email address');
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await showing(page, 'Your email address is confirmed');
    expect(await context.cookies()).toEqual([]);

    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await showing(page, 'Sign in to download the packs');
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await showing(page, 'Download the packs');

    const cookies = await context.cookies();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ name: 'practitioner-session', path: '/practitioners', httpOnly: true, sameSite: 'Lax' });

    const group = getContentLibrary().group('toolkit', 'talking-about-it')!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[href="/practitioners/packs/talking-about-it.pdf"]').click()]);
    expect(download.suggestedFilename()).toBe('stop-it-now-scotland-talking-about-it-pack.pdf');
    const bytes = new Uint8Array(await readFile((await download.path())!));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    for (const p of [group.introduction, ...group.pages]) expect(text).toContain(p.title);

    // The cookie is never sent outside /practitioners, so the staff side never sees it.
    const staffRequest = page.waitForRequest(`${base}/staff/sign-in`);
    await page.goto(`${base}/staff`);
    expect(await (await staffRequest).headerValue('cookie')).toBeNull();
    await showing(page, 'Sign in to CHOICE case management');

    // Sign out removes the cookie.
    await page.goto(`${base}/practitioners/account`);
    await showing(page, 'Your account');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await showing(page, 'You have signed out');
    expect(await context.cookies()).toEqual([]);

    expect(foreignRequests(requests, base)).toEqual([]);
    // Nothing typed ever travels in an address.
    for (const typed of [EMAIL, PASSWORD, 'Northside Youth Club']) {
      expect(requests.filter((url) => decodeURIComponent(url).replace(/\+/g, ' ').includes(typed))).toEqual([]);
    }
    const logs = site.server.logs.join('\n');
    expect(logs).not.toContain(EMAIL);
    expect(logs).not.toContain(PASSWORD);
    await context.close();
  });

  it('with JavaScript off: forgotten password, the emailed link, a new password, and sign in with it', async () => {
    const email = 'forgetful@school.example';
    const db = connect(site.server.databaseUrl, { max: 1 });
    try {
      await db.insertInto('practitioner').values({ email, organisation_name: 'Forgetful Primary', password_hash: await hashPassword(PASSWORD), email_verified_at: new Date() }).execute();
      const context = await site.browser.newContext({ javaScriptEnabled: false });
      const requests: string[] = [];
      context.on('request', (request) => requests.push(request.url()));
      const page = await context.newPage();
      const base = site.server.baseUrl;
      const newPassword = 'harbour thistle ember 19';

      await page.goto(`${base}/practitioners/sign-in`);
      await page.getByRole('link', { name: 'I have forgotten my password' }).click();
      await showing(page, 'Reset your password');
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.waitForSelector('.govuk-error-summary');
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter your email address');
      await page.getByLabel('Email address').fill(email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await showing(page, 'Check your email');

      await page.goto(`${base}${await passwordResetPathFor(db, email)}`);
      await showing(page, 'Choose a new password');
      await page.getByLabel('New password').fill('password1234');
      await page.getByLabel('Enter the password again').fill('password1234');
      await page.getByRole('button', { name: 'Save password' }).click();
      await page.waitForSelector('.govuk-error-summary');
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('one of the most common passwords');
      expect(await page.getByLabel('New password').inputValue()).toBe('');
      await page.getByLabel('New password').fill(newPassword);
      await page.getByLabel('Enter the password again').fill(newPassword);
      await page.getByRole('button', { name: 'Save password' }).click();
      await showing(page, 'Your password has been changed');
      expect(await context.cookies()).toEqual([]);

      await page.getByRole('link', { name: 'Sign in', exact: true }).click();
      await showing(page, 'Sign in to download the packs');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(newPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await showing(page, 'Download the packs');

      for (const typed of [email, newPassword]) {
        expect(requests.filter((url) => decodeURIComponent(url).replace(/\+/g, ' ').includes(typed))).toEqual([]);
      }
      await context.close();
    } finally {
      await db.destroy();
    }
  });

  it('with JavaScript on, the pages before sign-in have no serious accessibility problem, with and without errors', async () => {
    const tab = await openPage(site.browser, { javaScript: true });
    for (const path of ['/practitioners', '/practitioners/register', '/practitioners/password-reset', '/practitioners/sign-in']) {
      await tab.page.goto(`${site.server.baseUrl}${path}`);
      await tab.page.waitForLoadState('networkidle');
      expect(await seriousAccessibilityViolations(tab.page), path).toEqual([]);
    }
    await tab.page.getByRole('button', { name: 'Sign in' }).click();
    await tab.page.waitForSelector('.govuk-error-summary');
    expect(await tab.page.title()).toMatch(/^Error: Sign in/);
    expect(await seriousAccessibilityViolations(tab.page)).toEqual([]);
    await tab.page.getByRole('link', { name: 'I have forgotten my password' }).click();
    await tab.page.getByRole('button', { name: 'Send the link' }).click();
    await tab.page.waitForSelector('.govuk-error-summary');
    expect(await tab.page.title()).toMatch(/^Error: Reset your password/);
    expect(await seriousAccessibilityViolations(tab.page)).toEqual([]);
    expect(tab.cspViolations).toEqual([]);
    expect(await tab.context.cookies()).toEqual([]);
    await tab.close();
  });

  it('with JavaScript on, the signed-in pages and the two-factor set-up have no serious accessibility problem', async () => {
    const db = connect(site.server.databaseUrl, { max: 1 });
    await db
      .insertInto('practitioner')
      .values({ email: 'axe@school.example', organisation_name: 'Axe Academy', password_hash: await hashPassword(PASSWORD), email_verified_at: new Date() })
      .execute()
      .finally(() => db.destroy());
    const tab = await openPage(site.browser, { javaScript: true });
    const { page } = tab;
    await page.goto(`${site.server.baseUrl}/practitioners/sign-in`);
    await page.getByLabel('Email address').fill('axe@school.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await showing(page, 'Download the packs');
    await page.waitForLoadState('networkidle');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Manage your account and two-factor authentication' }).click();
    await showing(page, 'Your account');
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await page.waitForSelector('.app-qr-code svg');
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await page.waitForSelector('.govuk-error-summary');
    expect(await page.title()).toMatch(/^Error: Your account/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(tab.cspViolations).toEqual([]);
    await tab.close();
  });
});
