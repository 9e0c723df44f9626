import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../modules/checks/ids';
import { foreignRequests, openPage, seriousAccessibilityViolations } from '../support/browser';
import { SAMPLE_ANSWERS } from '../support/checks';
import { useSiteInBrowser } from '../support/e2e';

/** Every option id chosen in these walks: none may ever appear in an address or a log. */
const ANSWER_VALUES = [...new Set(Object.values(SAMPLE_ANSWERS).flatMap((a) => Object.values(a).flat()))].filter((v) => v.length > 3);

async function heading(page: Page): Promise<string> {
  return ((await page.locator('h1').first().textContent()) ?? '').trim();
}

async function answer(page: Page, values: string[]) {
  for (const value of values) await page.locator(`input[name="response"][value="${value}"]`).check();
  await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Continue', exact: true }).click()]);
}

async function currentQuestion(page: Page): Promise<string | null> {
  return page.locator('input[name="question"]').getAttribute('value', { timeout: 2_000 }).catch(() => null);
}

/** The page's heading as it is now, or null while a new page is still arriving. */
async function headingNow(page: Page): Promise<string | null> {
  const text = await page.locator('h1').first().textContent({ timeout: 500 }).catch(() => null);
  return text?.trim() ?? null;
}

/**
 * Waits until the page shows a heading other than `before`. Polled from the test,
 * not inside the page, so it works the same whether the page runs JavaScript or not.
 */
async function changed(page: Page, before: string) {
  await expect.poll(() => headingNow(page), { timeout: 30_000, interval: 100 }).not.toBeOneOf([before, null]);
  await page.waitForLoadState('load');
}

/** Waits until the page shows exactly this heading. */
async function showing(page: Page, text: string) {
  await expect.poll(() => headingNow(page), { timeout: 30_000, interval: 100 }).toBe(text);
  await page.waitForLoadState('load');
}

describe('the self-checks in Chromium', () => {
  const site = useSiteInBrowser();

  for (const javaScript of [true, false]) {
    for (const checkId of CHECK_IDS) {
      it(`${checkId}, JavaScript ${javaScript ? 'on' : 'off'}: answer, go back, change an answer, see the result; nothing kept or leaked`, async () => {
        const tab = await openPage(site.browser, { javaScript });
        const { page } = tab;
        const answers = SAMPLE_ANSWERS[checkId]!;
        await page.goto(`${site.server.baseUrl}/checks/${checkId}`);
        await page.getByRole('button', { name: 'Start now' }).click();
        await page.waitForSelector('input[name="question"]', { state: 'attached' });

        // A missing answer is explained, on the page, with the exit control still there.
        const first = await heading(page);
        await page.getByRole('button', { name: 'Continue', exact: true }).click();
        await page.waitForSelector('.govuk-error-summary');
        expect(await page.locator('.govuk-error-message').textContent()).toMatch(/Select/);

        let steps = 0;
        let wentBack = false;
        while ((await currentQuestion(page)) && steps++ < 20) {
          expect(await page.locator('.govuk-exit-this-page__button').count()).toBe(1);
          const question = (await currentQuestion(page))!;
          const before = await heading(page);
          await answer(page, answers[question]!);
          await changed(page, before);
          if (!wentBack && question !== (await currentQuestion(page))) {
            // The Back button is a form button: it returns to the question just answered, with the answer kept.
            wentBack = true;
            const now = await heading(page);
            await page.getByRole('button', { name: 'Back to the previous question' }).click();
            await changed(page, now);
            expect(await heading(page)).toBe(before);
            for (const value of answers[question]!) expect(await page.locator(`input[name="response"][value="${value}"]`).isChecked()).toBe(true);
            await page.getByRole('button', { name: 'Continue', exact: true }).click();
            await changed(page, before);
          }
        }
        expect(await heading(page)).toBe('Check your answers');

        // Change the first answer from check your answers, and come straight back.
        await page.getByRole('button', { name: new RegExp(`^Change your answer to: ${first.replace(/[?.()]/g, '.')}`) }).click();
        await changed(page, 'Check your answers');
        expect(await heading(page)).toBe(first);
        await page.getByRole('button', { name: 'Continue', exact: true }).click();
        await showing(page, 'Check your answers');

        await page.getByRole('button', { name: 'See my next steps' }).click();
        await page.waitForSelector('.app-band');
        expect(await page.locator('.app-next-steps li').count()).toBeGreaterThan(1);
        expect(await page.getByText('0808 1000 900').count()).toBeGreaterThan(0);
        expect(await page.locator('.app-nothing-saved').textContent()).toMatch(/not saved/);
        expect(await page.locator('.govuk-exit-this-page__button').count()).toBe(1);

        expect(await tab.context.cookies()).toEqual([]);
        expect(foreignRequests(tab.requests, site.server.baseUrl)).toEqual([]);
        const everyAddress = [...tab.requests, page.url()].join('\n');
        const everyLogLine = site.server.logs.join('\n');
        for (const value of ANSWER_VALUES) {
          expect(everyAddress, `answer "${value}" in an address`).not.toContain(value);
          expect(everyLogLine, `answer "${value}" in the server log`).not.toContain(value);
        }
        if (javaScript) expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await tab.close();
      });
    }

    it(`JavaScript ${javaScript ? 'on' : 'off'}: take a code, come back another day with it, and carry on where you were`, async () => {
      const tab = await openPage(site.browser, { javaScript });
      const { page } = tab;
      await page.goto(`${site.server.baseUrl}/checks/sexual-thoughts`);
      await page.getByRole('button', { name: 'Start now' }).click();
      await page.waitForSelector('input[name="question"]', { state: 'attached' });
      const first = await heading(page);
      await answer(page, ['arousing']);
      await changed(page, first);
      await page.locator('input[name="response"][value="a_few_years"]').check();
      await page.getByRole('button', { name: 'Get a code to continue another day' }).click();
      await page.waitForSelector('.app-resume-code');
      const code = (await page.locator('.app-resume-code code').textContent())!;
      expect(code).toMatch(/^[0-9A-Z ]+$/);
      await tab.close();

      // Another day, another browser session.
      const later = await openPage(site.browser, { javaScript });
      await later.page.goto(`${site.server.baseUrl}/checks/sexual-thoughts`);
      await later.page.getByRole('link', { name: 'continue with your code' }).click();
      await later.page.waitForSelector('input[name="code"]');
      await later.page.fill('input[name="code"]', 'NOT A REAL CODE');
      await later.page.getByRole('button', { name: 'Continue' }).click();
      await later.page.waitForSelector('.govuk-error-summary');
      expect(await later.page.locator('.govuk-error-message').textContent()).toContain('does not work');
      expect(await later.page.inputValue('input[name="code"]')).toBe('NOT A REAL CODE');
      await later.page.fill('input[name="code"]', code.toLowerCase());
      await later.page.getByRole('button', { name: 'Continue' }).click();
      await changed(later.page, 'Continue with your code');
      // The two answers came back with the code: the next question is the third.
      expect(await currentQuestion(later.page)).toBe('distress');
      expect([...later.requests, later.page.url()].join('\n')).not.toContain(code.replace(/ /g, '').slice(0, 8));
      await later.close();
    });
  }
});
