/**
 * Urgent help one tap away: every anonymous page of the built site, found by
 * following its links from the home page, shows each phone number as a `tel:` link
 * and the Stop It Now helpline in its footer; every check result carries the
 * urgent-help box.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../modules/checks/ids';
import { PHONE_NUMBER, telHref } from '../../modules/content/phone-numbers';
import { startInProcessApp } from '../support/app';
import { SAMPLE_ANSWERS } from '../support/checks';
import { useTestDatabase } from '../support/database';

/** The page a person reads: no scripts, no hidden fields, no attributes. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<title>[\s\S]*?<\/title>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ');
}

/** Phone numbers in the page's text that are not inside a `tel:` link. */
function numbersNotLinked(html: string): string[] {
  const body = html.slice(html.indexOf('<body'));
  const withoutTelLinks = body.replace(/<a [^>]*href="tel:[^"]*"[^>]*>[\s\S]*?<\/a>/g, ' ');
  return [...visibleText(withoutTelLinks).matchAll(PHONE_NUMBER)].map((m) => m[0]).filter((n) => !n.startsWith('0') || n.replace(/\D/g, '').length >= 8);
}

/** Every `tel:` link calls the number it shows. */
function mismatchedTelLinks(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="(tel:[^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].filter(([, href, text]) => telHref(visibleText(text!).trim()) !== href).map(([link]) => link!);
}

const internalLinks = (html: string) => [...html.matchAll(/href="(\/[^"#?]*)/g)].map((m) => m[1]!).filter((href) => !href.startsWith('/staff') && !href.startsWith('/build/') && !/\.(pdf|css|js|ico|png|svg|woff2?)$/.test(href));

describe('phone numbers on the anonymous side', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp(test.db);
  });
  afterAll(async () => app?.stop());

  it('every page reached from the home page has each phone number as a tel: link, and the helpline in its footer', async () => {
    const seen = new Set<string>();
    const queue = ['/', '/local-help', '/no-such-page'];
    const problems: string[] = [];
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await fetch(`${app.baseUrl}${path}`, { redirect: 'manual' });
      if (!(response.headers.get('content-type') ?? '').includes('text/html')) continue;
      const html = await response.text();
      for (const number of numbersNotLinked(html)) problems.push(`${path}: "${number}" is not a tel: link`);
      for (const link of mismatchedTelLinks(html)) problems.push(`${path}: ${link} calls another number than it shows`);
      const footer = html.slice(html.indexOf('<footer'));
      if (!footer.includes('href="tel:08081000900"')) problems.push(`${path}: the footer has no Stop It Now helpline link`);
      if (response.status === 200) for (const href of internalLinks(html)) if (!seen.has(href)) queue.push(href);
    }
    expect(problems).toEqual([]);
    // The crawl really reached the site: every toolkit and self-help page, the checks, the local help page.
    expect(seen.size).toBeGreaterThan(100);
    for (const path of ['/toolkit/get-help', '/toolkit/get-help/if-you-are-struggling', '/local-help', '/checks/someone-else', '/privacy']) expect(seen).toContain(path);
  });

  it('every check result carries the urgent-help box, with its numbers one tap away', async () => {
    for (const check of CHECK_IDS) {
      const fields = new URLSearchParams([['intent', 'result'], ...Object.entries(SAMPLE_ANSWERS[check]!).flatMap(([q, values]) => values.map((v) => [`a:${q}`, v] as [string, string]))]);
      const response = await fetch(`${app.baseUrl}/checks/${check}`, { method: 'POST', body: fields, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      const html = await response.text();
      expect(response.status, check).toBe(200);
      expect(html, check).toContain('class="app-band');
      const box = html.slice(html.indexOf('class="app-urgent-help"'));
      expect(html.indexOf('class="app-urgent-help"'), check).toBeGreaterThan(0);
      for (const tel of ['tel:999', 'tel:116123', 'tel:0800838587', 'tel:111', 'tel:08081000900']) expect(box, `${check}: ${tel}`).toContain(`href="${tel}"`);
      expect(numbersNotLinked(html), check).toEqual([]);
    }
  });
});
