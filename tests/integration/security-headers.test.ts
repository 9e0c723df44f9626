import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';

describe('headers on every kind of response', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp(test.db);
  });
  afterAll(async () => app?.stop());

  const expectStrictHeaders = (response: Response) => {
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    // Pages rendered per request carry a fresh nonce; cached pages list their scripts' hashes.
    expect(csp).toMatch(/script-src 'self'( 'nonce-[A-Za-z0-9+/=]{20,}'| ('sha256-[A-Za-z0-9+/=]{44}' ?)+)(;|$)/);
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const permissions = response.headers.get('permissions-policy') ?? '';
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'interest-cohort=()']) {
      expect(permissions).toContain(feature);
    }
    expect(response.headers.get('set-cookie')).toBeNull();
  };

  it('pages are never stored and carry the strict headers', async () => {
    for (const path of ['/', '/privacy', '/leave-this-site-quickly']) {
      const response = await fetch(`${app.baseUrl}${path}`);
      expect(response.status).toBe(200);
      expectStrictHeaders(response);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('a new nonce is made for every page rendered on request', async () => {
    const nonce = async () => /'nonce-([^']+)'/.exec((await fetch(`${app.baseUrl}/no-such-page`)).headers.get('content-security-policy')!)![1];
    expect(await nonce()).not.toBe(await nonce());
  });

  it('a cached page is the same bytes each time, compressed when asked, with every header', async () => {
    const first = await fetch(`${app.baseUrl}/privacy`);
    const firstHtml = await first.text();
    const second = await fetch(`${app.baseUrl}/privacy`, { headers: { 'Accept-Encoding': 'br' } });
    expect(second.headers.get('content-encoding')).toBe('br');
    expect(await second.text()).toBe(firstHtml);
    expectStrictHeaders(second);
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect(second.headers.get('content-security-policy')).toContain("'sha256-");
    // A query string is never served from the cache.
    const withQuery = await fetch(`${app.baseUrl}/privacy?x=1`);
    expect(withQuery.headers.get('content-security-policy')).toContain("'nonce-");
  });

  it('a missing page is a 404 in our layout, with the exit control and no technical detail', async () => {
    const response = await fetch(`${app.baseUrl}/no/such/page`);
    expect(response.status).toBe(404);
    expectStrictHeaders(response);
    const html = await response.text();
    expect(html).toContain('Page not found');
    expect(html).toContain('Exit this page');
    expect(html).not.toMatch(/at \w+ \(|node_modules/);
  });

  it('/healthz answers 200 when the database answers', async () => {
    const response = await fetch(`${app.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
    expectStrictHeaders(response);
  });

  it('fingerprinted assets are cached for a year; nothing else is', async () => {
    const html = await (await fetch(`${app.baseUrl}/`)).text();
    const stylesheet = /href="(\/build\/_assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(stylesheet).toBeDefined();
    const response = await fetch(`${app.baseUrl}${stylesheet}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
