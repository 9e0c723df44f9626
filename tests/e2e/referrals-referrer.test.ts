import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { foreignRequests, openPage, seriousAccessibilityViolations } from '../support/browser';
import { useSiteInBrowser } from '../support/e2e';
import { press, showing, signInFirstTime } from '../support/staff-browser';
import { dateFields } from '../support/referrals';


async function fillDate(page: Page, id: string, fields: Record<string, string>) {
  await page.fill(`#${id}`, fields[`${id}-day`]!);
  await page.fill(`#${id}-month`, fields[`${id}-month`]!);
  await page.fill(`#${id}-year`, fields[`${id}-year`]!);
}

describe('a referrer making a referral in Chromium', () => {
  const site = useSiteInBrowser({ seed: true });

  it('JavaScript off: a fiscal starts a draft, leaves it, comes back, finishes and sends it; with JavaScript on, the form and check your answers pass axe', async () => {
    const base = site.server.baseUrl;
    const tab = await openPage(site.browser, { javaScript: false });
    const { page } = tab;
    await signInFirstTime(page, base, 'fiscal@demo.example');

    await page.getByRole('link', { name: 'Referrals', exact: true }).first().click();
    await showing(page, 'Referrals');
    await page.getByRole('link', { name: 'Make a referral' }).click();
    await showing(page, 'Make a referral to CHOICE');
    await press(page, 'Start now');
    await showing(page, 'About him');

    // Continue with nothing filled in: the messages, and the page again.
    await press(page, 'Continue');
    await showing(page, 'About him');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter his full name');
    await page.fill('#personName', 'Alan Example');
    // Seventeen today (eighteen tomorrow): refused here, on the page that asks, with what was typed kept.
    const seventeen = new Date();
    seventeen.setUTCFullYear(seventeen.getUTCFullYear() - 18);
    seventeen.setUTCDate(seventeen.getUTCDate() + 1);
    await fillDate(page, 'dateOfBirth', { 'dateOfBirth-day': String(seventeen.getUTCDate()), 'dateOfBirth-month': String(seventeen.getUTCMonth() + 1), 'dateOfBirth-year': String(seventeen.getUTCFullYear()) });
    await press(page, 'Continue');
    await showing(page, 'About him');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('CHOICE is for adults. He must be 18 or over on the day of the referral');
    expect(await page.inputValue('#personName')).toBe('Alan Example');
    await fillDate(page, 'dateOfBirth', { 'dateOfBirth-day': '27', 'dateOfBirth-month': '3', 'dateOfBirth-year': '1985' });
    await page.check('#personSex');
    await page.fill('#personAddress', '1 High Street\nEdinburgh EH1 1AA');
    await page.fill('#personPhone', '0131 496 0000');
    await press(page, 'Continue');
    await showing(page, 'Route');
    expect(await page.locator('main').textContent()).toContain('diversion from prosecution');
    await press(page, 'Continue');
    await showing(page, 'Offence');
    await page.fill('#charges', 'Section 52A of the Civic Government (Scotland) Act 1982');
    await fillDate(page, 'offenceFrom', dateFields('offenceFrom', -1));
    await page.check('#materialKinds');

    // Time to go: the draft is kept, and the list says so.
    await press(page, 'Save and come back later');
    await showing(page, 'Referrals');
    const banner = (await page.locator('.govuk-notification-banner').textContent()) ?? '';
    const reference = /CH-\d{6}/.exec(banner)?.[0];
    expect(reference).toBeDefined();
    expect(await page.locator('tbody').textContent()).toContain('Draft');

    // Later: back from the list, to where it was left.
    await page.getByRole('link', { name: reference! }).click();
    await showing(page, 'Check your answers before sending the referral');
    await page.getByRole('link', { name: 'Finish ‘Offence’' }).click();
    await showing(page, 'Offence');
    expect(await page.inputValue('#charges')).toBe('Section 52A of the Civic Government (Scotland) Act 1982');
    expect(await page.isChecked('#materialKinds')).toBe(true);
    await page.fill('#devices', 'A laptop');
    await page.check('#contactOffence');
    // Finishing goes on through the form, section by section.
    await press(page, 'Continue');
    await showing(page, 'Key date');
    await fillDate(page, 'decisionDate', dateFields('decisionDate', 0, 60));
    await press(page, 'Continue');
    await showing(page, 'Risk');
    await page.fill('#riskInformation', 'None known.');
    await press(page, 'Continue');
    await showing(page, 'His agreement');
    await page.check('#consent');
    await fillDate(page, 'consentDate', dateFields('consentDate', 0, -2));
    await press(page, 'Continue');
    await showing(page, 'Your contact details');
    await page.fill('#referrerPhone', '0300 020 3000');
    await press(page, 'Continue');
    await showing(page, 'Check your answers before sending the referral');
    expect(await page.locator('main').textContent()).toContain('Alan Example');
    await press(page, 'Send referral');
    await showing(page, 'Referral sent');
    expect(await page.locator('.govuk-panel').textContent()).toContain(reference!);
    expect(foreignRequests(tab.requests, base)).toEqual([]);

    // JavaScript on, in the same session: a new draft's form with its messages, and its check your answers page.
    const withJs = await openPage(site.browser, { javaScript: true });
    await withJs.context.addCookies(await tab.context.cookies());
    await withJs.page.goto(`${base}/staff/referrals/new`);
    await showing(withJs.page, 'Make a referral to CHOICE');
    expect(await seriousAccessibilityViolations(withJs.page)).toEqual([]);
    await press(withJs.page, 'Start now');
    await showing(withJs.page, 'About him');
    await press(withJs.page, 'Continue');
    await withJs.page.locator('.govuk-error-summary').waitFor();
    await withJs.page.fill('#dateOfBirth', '31');
    await withJs.page.fill('#dateOfBirth-month', '2');
    await press(withJs.page, 'Continue');
    await expect.poll(() => withJs.page.locator('.govuk-error-summary').textContent()).toContain('Date of birth must include a year');
    expect(await seriousAccessibilityViolations(withJs.page)).toEqual([]);
    await withJs.page.fill('#personName', 'Brian Example');
    await withJs.page.fill('#dateOfBirth', '');
    await withJs.page.fill('#dateOfBirth-month', '');
    await press(withJs.page, 'Save and come back later');
    await withJs.page.locator('.govuk-notification-banner').waitFor();
    await withJs.page.getByRole('link', { name: /^CH-\d{6}$/ }).first().click();
    await showing(withJs.page, 'Check your answers before sending the referral');
    expect(await withJs.page.locator('main').textContent()).toContain('Brian Example');
    expect(await seriousAccessibilityViolations(withJs.page)).toEqual([]);
    await withJs.page.goto(`${base}/staff/referrals`);
    await showing(withJs.page, 'Referrals');
    expect(await seriousAccessibilityViolations(withJs.page)).toEqual([]);
    expect(foreignRequests(withJs.requests, base)).toEqual([]);

    await withJs.close();
    await tab.close();
  });
});
