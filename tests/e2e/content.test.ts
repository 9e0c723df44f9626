import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY } from '../../app/client/local-progress';
import { foreignRequests, openPage, seriousAccessibilityViolations } from '../support/browser';
import { useSiteInBrowser } from '../support/e2e';

/** Every anonymous page reachable by links from the home page (no forms are submitted). */
async function crawl(page: Page, baseUrl: string): Promise<string[]> {
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  while (queue.length) {
    const path = queue.shift()!;
    await page.goto(`${baseUrl}${path}`);
    const hrefs = await page.$$eval('a[href^="/"]', (links) => links.map((a) => a.getAttribute('href')!));
    for (const href of hrefs) {
      const clean = href.split('#')[0]!;
      if (!clean || seen.has(clean) || clean.startsWith('/staff')) continue;
      seen.add(clean);
      queue.push(clean);
    }
  }
  return [...seen];
}

async function pdfText(path: string): Promise<string> {
  const bytes = new Uint8Array(await readFile(path));
  expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text;
}

describe('content pages in Chromium', () => {
  const site = useSiteInBrowser();
  let pages: string[] = [];

  it('the crawl from the home page reaches every self-help and toolkit page', async () => {
    const tab = await openPage(site.browser, { javaScript: false });
    pages = await crawl(tab.page, site.server.baseUrl);
    await tab.close();
    expect(pages.filter((p) => p.startsWith('/self-help/')).length).toBeGreaterThanOrEqual(70);
    expect(pages.filter((p) => p.startsWith('/toolkit/')).length).toBeGreaterThanOrEqual(40);
    expect(pages).toEqual(expect.arrayContaining(['/checks', '/search', '/privacy', '/toolkit/family-safety-plan/builder', '/self-help/my-plan-for-change/my-plan']));
  }, 180_000);

  for (const javaScript of [false, true]) {
    it(`every page, JavaScript ${javaScript ? 'on' : 'off'}: 200, the exit control, strict headers, no cookie, nothing from elsewhere${javaScript ? ', and no serious accessibility problem' : ''}`, async () => {
      expect(pages.length).toBeGreaterThan(100);
      const tab = await openPage(site.browser, { javaScript });
      for (const path of pages) {
        const response = await tab.page.goto(`${site.server.baseUrl}${path}`);
        expect(response?.status(), path).toBe(200);
        const headers = response!.headers();
        expect(headers['cache-control'], path).toBe('no-store');
        expect(headers['referrer-policy']).toBe('no-referrer');
        expect(headers['content-security-policy']).toContain("default-src 'self'");
        expect(headers['set-cookie']).toBeUndefined();
        expect(await tab.page.locator('.govuk-exit-this-page__button').count(), path).toBe(1);
        if (javaScript) expect(await seriousAccessibilityViolations(tab.page), path).toEqual([]);
      }
      expect(await tab.context.cookies()).toEqual([]);
      expect(foreignRequests(tab.requests, site.server.baseUrl)).toEqual([]);
      expect(tab.cspViolations).toEqual([]);
      await tab.close();
    }, 600_000);
  }

  for (const javaScript of [true, false]) {
    it(`an exercise reflects the answers back with guidance that fits, JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
      const tab = await openPage(site.browser, { javaScript });
      const { page } = tab;
      await page.goto(`${site.server.baseUrl}/self-help/compulsion-and-habits/mapping-your-urges`);
      await page.getByRole('button', { name: 'See what this means for me' }).click();
      await page.waitForSelector('.govuk-error-summary');
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Choose one of the options');
      await page.locator('input[name="where_now"][value="slipped"]').check();
      await page.locator('input[name="urge_strength"][value="8"]').check();
      await page.locator('input[name="when_strongest"][value="late_night"]').check();
      await page.locator('input[name="early_links"]').first().fill('Taking my phone to bed');
      await page.locator('input[name="delay_plan"]').first().fill('Walk round the block');
      await page.getByRole('button', { name: 'See what this means for me' }).click();
      await page.waitForSelector('#exercise-result');
      const result = (await page.locator('#exercise-result').textContent())!;
      expect(result).toContain('Taking my phone to bed');
      expect(result).toContain('Walk round the block');
      expect(result).toContain('Your urges can get very strong');
      expect(result).toContain('Your answers were not saved');
      // The form still holds what was typed, to change and try again.
      expect(await page.locator('input[name="early_links"]').first().inputValue()).toBe('Taking my phone to bed');
      expect(site.server.logs.join('\n')).not.toContain('Taking my phone to bed');
      await tab.close();
    });
  }

  for (const javaScript of [true, false]) {
    it(`the family safety plan and my plan for change download as PDFs holding what was typed, JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
      const tab = await openPage(site.browser, { javaScript });
      const context = await site.browser.newContext({ javaScriptEnabled: javaScript, acceptDownloads: true });
      const page = await context.newPage();
      await tab.close();

      await page.goto(`${site.server.baseUrl}/toolkit/family-safety-plan/builder`);
      for (const [name, text] of [
        ['household_rules', 'Bedroom doors stay open when friends visit'],
        ['supervision', 'Uncle Jo is never alone with the children'],
        ['online_safety', 'Tablets stay in the living room after 8pm'],
        ['trusted_adults', 'Gran, and Mrs Khan at school'],
        ['if_rule_broken', 'We call the social worker the same day'],
      ]) await page.locator(`input[name="${name}"]`).first().fill(text!);
      await page.getByRole('button', { name: 'Show my plan' }).click();
      await page.waitForSelector('#exercise-result');
      expect(await page.locator('#exercise-result').textContent()).toContain('Mrs Khan');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as PDF' }).click()]);
      expect(download.suggestedFilename()).toBe('plan.pdf');
      const familyPlan = await pdfText((await download.path())!);
      expect(familyPlan).toContain('Uncle Jo is never alone with the children');
      expect(familyPlan).toContain('This site did not keep a copy');

      await page.goto(`${site.server.baseUrl}/self-help/my-plan-for-change/my-plan`);
      for (const [name, text] of [
        ['triggers', 'Sunday nights alone'],
        ['warning_signs', 'Staying up past midnight'],
        ['instead', 'Phone my brother'],
        ['people', 'My GP, Dr Ćosić'],
        ['device_changes', 'Filter on the laptop'],
        ['routine_changes', 'Gym on Sunday evenings'],
      ]) await page.locator(`input[name="${name}"]`).first().fill(text!);
      await page.locator('textarea[name="reasons"]').fill('For my daughter, and for me.');
      await page.getByRole('button', { name: 'Show my plan' }).click();
      await page.waitForSelector('#exercise-result');
      const [planDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as PDF' }).click()]);
      const myPlan = await pdfText((await planDownload.path())!);
      for (const typed of ['Sunday nights alone', 'Phone my brother', 'Dr Ćosić', 'For my daughter, and for me.']) expect(myPlan).toContain(typed);
      expect(await context.cookies()).toEqual([]);
      await context.close();
    });
  }

  it('keeping progress on this device: nothing is stored until chosen, and one click forgets it all', async () => {
    const tab = await openPage(site.browser, { javaScript: true });
    const { page } = tab;
    const stored = () => page.evaluate((key) => window.localStorage.getItem(key), PROGRESS_KEY);
    const storageSize = () => page.evaluate(() => window.localStorage.length);

    await page.goto(`${site.server.baseUrl}/self-help/understanding-why`);
    await page.waitForSelector('[data-local-progress="off"]');
    await page.goto(`${site.server.baseUrl}/self-help/understanding-why/how-it-starts`);
    await page.waitForSelector('[data-local-progress="off"]');
    expect(await storageSize()).toBe(0);

    await page.getByRole('button', { name: 'Keep my progress on this device' }).click();
    await page.waitForSelector('[data-local-progress="on"]');
    expect(JSON.parse((await stored())!).visited).toContain('/self-help/understanding-why/how-it-starts');

    await page.goto(`${site.server.baseUrl}/self-help/understanding-why/change-is-possible`);
    await page.waitForSelector('[data-local-progress="on"]');
    expect(JSON.parse((await stored())!).visited).toContain('/self-help/understanding-why/change-is-possible');
    expect(await page.locator('.app-read-tag').count()).toBeGreaterThanOrEqual(2);

    await page.getByRole('button', { name: 'Forget everything on this device' }).click();
    await page.waitForSelector('[data-local-progress="off"]');
    expect(await stored()).toBeNull();
    expect(await storageSize()).toBe(0);
    expect(tab.requests.filter((url) => url.includes('progress'))).toEqual([]);
    await tab.close();
  });
});
