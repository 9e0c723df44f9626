import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NEUTRAL_SITE_URL } from '../../app/components/exit-this-page';
import { foreignRequests, hydrated, openPage, seriousAccessibilityViolations } from '../support/browser';
import { useSiteInBrowser } from '../support/e2e';

const PAGES = ['/', '/leave-this-site-quickly', '/privacy', '/accessibility'];

describe('the anonymous site in Chromium', () => {
  const site = useSiteInBrowser();

  /** Stands in for the neutral site, so the test never leaves this machine. */
  const fakeNeutralSite = async (page: Page) =>
    page.context().route(`${NEUTRAL_SITE_URL}**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }),
    );

  for (const javaScript of [true, false]) {
    describe(`with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
      it('serves every page with the exit control, no cookie and no request to another origin', async () => {
        const tab = await openPage(site.browser, { javaScript });
        const setCookies: string[] = [];
        tab.page.on('response', async (response) => {
          const header = await response.headerValue('set-cookie');
          if (header) setCookies.push(header);
        });
        for (const path of PAGES) {
          const response = await tab.page.goto(`${site.server.baseUrl}${path}`);
          expect(response?.status()).toBe(200);
          expect(await tab.page.locator('h1').count()).toBe(1);
          await expect(tab.page.locator('.govuk-exit-this-page__button').getAttribute('href')).resolves.toBe(NEUTRAL_SITE_URL);
          if (javaScript) await tab.page.waitForLoadState('networkidle');
        }
        expect(setCookies).toEqual([]);
        expect(await tab.context.cookies()).toEqual([]);
        expect(foreignRequests(tab.requests, site.server.baseUrl)).toEqual([]);
        expect(tab.cspViolations).toEqual([]);
        if (javaScript) {
          // Served from the page cache by now: its scripts, allowed by hash, must still run.
          await tab.page.goto(`${site.server.baseUrl}/privacy`);
          await tab.page.waitForSelector('.govuk-exit-this-page[data-enhanced="true"]');
          expect(await tab.page.evaluate(() => typeof (window as unknown as { __remixContext?: unknown }).__remixContext)).toBe('object');
          expect(tab.cspViolations).toEqual([]);
        }
        await tab.close();
      });

      it('sends the strict headers with the page', async () => {
        const tab = await openPage(site.browser, { javaScript });
        const response = await tab.page.goto(`${site.server.baseUrl}/`);
        const headers = response!.headers();
        expect(headers['cache-control']).toBe('no-store');
        expect(headers['referrer-policy']).toBe('no-referrer');
        expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(headers['x-content-type-options']).toBe('nosniff');
        expect(headers['permissions-policy']).toContain('interest-cohort=()');
        await tab.close();
      });

      it('shows a 404 page in our layout, with the exit control', async () => {
        const tab = await openPage(site.browser, { javaScript });
        const response = await tab.page.goto(`${site.server.baseUrl}/no-such-page`);
        expect(response?.status()).toBe(404);
        await expect(tab.page.locator('h1').textContent()).resolves.toBe('Page not found');
        expect(await tab.page.locator('.govuk-exit-this-page__button').count()).toBe(1);
        await tab.close();
      });
    });
  }

  it('with JavaScript on, the exit button replaces the page, so Back does not return to it', async () => {
    const tab = await openPage(site.browser, { javaScript: true });
    await fakeNeutralSite(tab.page);
    await tab.page.goto(`${site.server.baseUrl}/`);
    await tab.page.goto(`${site.server.baseUrl}/privacy`);
    await tab.page.waitForSelector('.govuk-exit-this-page[data-enhanced="true"]');
    const historyBefore = await tab.page.evaluate(() => history.length);
    await tab.page.locator('.govuk-exit-this-page__button').click();
    await tab.page.waitForURL(`${NEUTRAL_SITE_URL}**`);
    expect(await tab.page.evaluate(() => history.length)).toBe(historyBefore);
    await tab.page.goBack();
    expect(tab.page.url()).toBe(`${site.server.baseUrl}/`);
    await tab.close();
  });

  it('with JavaScript on, pressing Shift three times leaves the page', async () => {
    const tab = await openPage(site.browser, { javaScript: true });
    await fakeNeutralSite(tab.page);
    await tab.page.goto(`${site.server.baseUrl}/leave-this-site-quickly`);
    await tab.page.waitForSelector('.govuk-exit-this-page[data-enhanced="true"]');
    for (let i = 0; i < 3; i++) await tab.page.keyboard.press('Shift');
    await tab.page.waitForURL(`${NEUTRAL_SITE_URL}**`);
    expect(tab.page.url()).toContain('bbc.co.uk/weather');
    await tab.close();
  });

  it('with JavaScript off, the exit control is a plain link that works', async () => {
    const tab = await openPage(site.browser, { javaScript: false });
    await fakeNeutralSite(tab.page);
    await tab.page.goto(`${site.server.baseUrl}/privacy`);
    const link = tab.page.locator('.govuk-exit-this-page__button');
    expect(await link.getAttribute('rel')).toContain('noreferrer');
    await link.click();
    await tab.page.waitForURL(`${NEUTRAL_SITE_URL}**`);
    await expect(tab.page.locator('h1').textContent()).resolves.toBe('Weather');
    await tab.close();
  });

  it('has no serious or critical accessibility problems on any page', async () => {
    const tab = await openPage(site.browser, { javaScript: true });
    for (const path of [...PAGES, '/no-such-page']) {
      await tab.page.goto(`${site.server.baseUrl}${path}`);
      await tab.page.waitForLoadState('networkidle');
      expect(await seriousAccessibilityViolations(tab.page), path).toEqual([]);
    }
    await tab.close();
  });

  it('the accessibility check itself finds problems when a page has them', async () => {
    const tab = await openPage(site.browser, { javaScript: true });
    await tab.page.goto(`${site.server.baseUrl}/`);
    // Once React has hydrated the page: before, hydration would take the spoiling out again.
    await hydrated(tab.page, 'main');
    // Our own page, spoiled: a control with no name and a picture with no text.
    await tab.page.evaluate(() => {
      document.querySelector('main')!.insertAdjacentHTML('beforeend', '<button id="spoilt"></button><img id="no-alt" src="/favicon.ico">');
    });
    const found = (await seriousAccessibilityViolations(tab.page)).join('\n');
    expect(found).toContain('button-name (critical)');
    expect(found).toContain('#spoilt');
    expect(found).toContain('image-alt (critical)');
    await tab.close();
  });

  it('/healthz answers 200', async () => {
    const response = await fetch(`${site.server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
  });
});
