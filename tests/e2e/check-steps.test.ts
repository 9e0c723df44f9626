import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hydrated, openPage } from '../support/browser';
import { SAMPLE_ANSWERS } from '../support/checks';
import { useSiteInBrowser } from '../support/e2e';

const PHONE = { width: 375, height: 667 };

async function headingNow(page: Page): Promise<string | null> {
  const text = await page.locator('h1').first().textContent({ timeout: 500 }).catch(() => null);
  return text?.trim() ?? null;
}

/** Waits for a new step: polled from the test, so the same with JavaScript on or off. */
async function nextStep(page: Page, before: string | null) {
  await expect.poll(() => headingNow(page), { timeout: 30_000, interval: 100 }).not.toBeOneOf([before, null]);
  await page.waitForLoadState('load');
}

/** What a screen reader is on: the focused element's own text, and whether it is a heading. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', text: el?.textContent?.trim() ?? '', scrollY: window.scrollY };
  });
}

async function answerCurrent(page: Page, checkId: string) {
  const question = await page.locator('input[name="question"]').getAttribute('value');
  for (const value of SAMPLE_ANSWERS[checkId]![question!]!) await page.locator(`input[name="response"][value="${value}"]`).check();
  const before = await headingNow(page);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await nextStep(page, before);
}

describe('a check on a phone', () => {
  const site = useSiteInBrowser();

  for (const javaScript of [true, false]) {
    it(`JavaScript ${javaScript ? 'on' : 'off'}: each step opens at its top, with focus on its heading and a title that names it`, async () => {
      const tab = await openPage(site.browser, { javaScript });
      const { page } = tab;
      await page.setViewportSize(PHONE);
      await page.goto(`${site.server.baseUrl}/checks/online-viewing`);
      if (javaScript) await hydrated(page);
      expect(await page.title()).toBe('Worried about my online viewing – Stop It Now Scotland');
      await page.mouse.wheel(0, 2000);
      await page.getByRole('button', { name: 'Start now' }).click();
      await page.waitForSelector('input[name="question"]', { state: 'attached' });

      // A question: its heading has focus, the page is at its top, the title names it.
      let heading = (await headingNow(page))!;
      expect(await focused(page)).toEqual({ tag: 'H1', text: heading, scrollY: 0 });
      expect(await page.title()).toBe(`${heading} – Worried about my online viewing – Stop It Now Scotland`);

      // An unanswered question: the error summary has focus, and the title says Error.
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await page.waitForSelector('.govuk-error-summary');
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      expect((await focused(page)).text).toMatch(/^There is a problem/);

      // Scrolled down, then the next question: it opens at the top, heading focused.
      await page.mouse.wheel(0, 1500);
      await answerCurrent(page, 'online-viewing');
      heading = (await headingNow(page))!;
      expect(await focused(page)).toEqual({ tag: 'H1', text: heading, scrollY: 0 });
      expect(await page.title()).toContain(heading);
      if (javaScript) await expect.poll(() => page.locator('.app-step-announcement').textContent()).toContain(heading);
      await tab.close();
    });

    it(`JavaScript ${javaScript ? 'on' : 'off'}: Exit this page stays on screen while reading, at every width`, async () => {
      const tab = await openPage(site.browser, { javaScript });
      const { page } = tab;
      for (const width of [320, 375, 768, 1280]) {
        await page.setViewportSize({ width, height: 640 });
        await page.goto(`${site.server.baseUrl}/self-help/the-law-and-after-an-arrest/is-what-i-am-doing-illegal`);
        for (const y of [400, 1500, 3000]) {
          await page.evaluate((to) => window.scrollTo(0, to), y);
          const box = await page.locator('.govuk-exit-this-page__button').boundingBox();
          expect(box, `${width}px wide, scrolled to ${y}`).not.toBeNull();
          expect(box!.y, `${width}px wide, scrolled to ${y}`).toBeGreaterThanOrEqual(0);
          expect(box!.y + box!.height, `${width}px wide, scrolled to ${y}`).toBeLessThanOrEqual(640);
          // And it is the button that is there, not something drawn over it.
          const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('.govuk-exit-this-page__button') !== null, [box!.x + box!.width / 2, box!.y + box!.height / 2]);
          expect(hit, `${width}px wide, scrolled to ${y}`).toBe(true);
        }
      }
      await tab.close();
    });

    it(`JavaScript ${javaScript ? 'on: Back from the result goes to the step before it, and Forward returns' : 'off: Back from the result shows none of the answers, and the page says how to go back'}`, async () => {
      const tab = await openPage(site.browser, { javaScript });
      const { page } = tab;
      await page.setViewportSize(PHONE);
      await page.goto(`${site.server.baseUrl}/checks/online-viewing`);
      if (javaScript) {
        await hydrated(page);
        // Marks this document: if any step were the browser's own submission, the mark would be gone.
        await page.evaluate(() => Object.assign(window, { sameDocument: true }));
      }
      await page.getByRole('button', { name: 'Start now' }).click();
      await page.waitForSelector('input[name="question"]', { state: 'attached' });
      for (let guard = 0; (await page.locator('input[name="question"]').count()) && guard < 20; guard++) await answerCurrent(page, 'online-viewing');
      expect(await headingNow(page)).toBe('Check your answers');
      await page.getByRole('button', { name: 'See my next steps' }).click();
      await page.waitForSelector('.app-band');
      const result = (await headingNow(page))!;

      if (javaScript) {
        expect(await page.evaluate(() => 'sameDocument' in window), 'every step was taken in the page, by JavaScript').toBe(true);
        // One round trip a step: the check's wording is not fetched again after each answer.
        expect(tab.requests.filter((url) => url.includes('.data?')), 'loader data asked for again').toEqual([]);
        await page.goBack();
        await expect.poll(() => headingNow(page), { timeout: 30_000 }).toBe('Check your answers');
        expect(page.url()).toBe(`${site.server.baseUrl}/checks/online-viewing`);
        expect(await page.title()).toBe('Check your answers – Worried about my online viewing – Stop It Now Scotland');
        await page.goBack();
        // The last question, as it was when it was first reached.
        await expect.poll(() => headingNow(page), { timeout: 30_000 }).toBe('Have you had thoughts of ending your life?');
        expect(await page.locator('input[name="question"]').getAttribute('value')).toBe('thoughts_of_suicide');
        await page.goForward();
        await expect.poll(() => headingNow(page), { timeout: 30_000 }).toBe('Check your answers');
        await page.goForward();
        await expect.poll(() => headingNow(page), { timeout: 30_000 }).toBe(result);
      } else {
        // With no-store, the browser cannot show the step before without sending the
        // answers again, and says so on a page of its own: nothing of ours is shown.
        expect(await page.locator('noscript').first().evaluate((n) => n.textContent)).toContain('use the buttons on this page');
        await page.goBack().catch((error: Error) => expect(error.message).toContain('ERR_CACHE_MISS'));
        expect(await page.locator('.app-band, input[name^="a:"]').count()).toBe(0);
      }
      await tab.close();
    });
  }
});
