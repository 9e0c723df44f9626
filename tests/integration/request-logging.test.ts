import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';

const IDENTIFYING = {
  'X-Forwarded-For': '203.0.113.77',
  'User-Agent': 'Mozilla/5.0 (IdentifyingBrowser 99.1)',
  Referer: 'https://search.example/?q=am+i+a+bad+person',
  Cookie: 'tracker=abc123-identifying-cookie',
};

describe('request logs', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp(test.db);
  });
  afterAll(async () => app?.stop());

  it('write one line per request with method, route, status and duration only', async () => {
    const response = await fetch(`${app.baseUrl}/privacy?answer=secret-query-value`, { headers: IDENTIFYING });
    expect(response.status).toBe(200);
    await response.text();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const requestLines = app.logLines.map((line) => JSON.parse(line)).filter((entry) => 'route' in entry);
    expect(requestLines).toHaveLength(1);
    expect(Object.keys(requestLines[0]).sort()).toEqual(['level', 'method', 'ms', 'route', 'status', 'time']);
    expect(requestLines[0]).toMatchObject({ method: 'GET', route: 'routes/_public.privacy', status: 200 });
  });

  it('never contain an address, browser, referrer, query string or cookie', async () => {
    for (const path of ['/', '/nowhere?answer=secret-query-value', '/healthz?answer=secret-query-value']) {
      const response = await fetch(`${app.baseUrl}${path}`, { headers: IDENTIFYING });
      await response.text();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    const everything = app.logLines.join('\n');
    for (const value of [...Object.values(IDENTIFYING), '203.0.113', 'IdentifyingBrowser', 'secret-query-value', 'search.example', '127.0.0.1']) {
      expect(everything).not.toContain(value);
    }
  });

  it('name data requests and route manifests by route, without the paths they ask about', async () => {
    const before = app.logLines.length;
    const manifest = await fetch(`${app.baseUrl}/__manifest?p=${encodeURIComponent('/checks/secret-manifest-path')}&version=x`, { headers: IDENTIFYING });
    await manifest.text();
    // Lazy route discovery's answers carry the same security headers as every page.
    expect(manifest.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(manifest.headers.get('referrer-policy')).toBe('no-referrer');
    const data = await fetch(`${app.baseUrl}/privacy.data?answer=secret-query-value`, { headers: IDENTIFYING });
    await data.text();
    // A line is written when the response finishes, which can be just after the body arrives.
    const routes = () => app.logLines.slice(before).map((line) => JSON.parse(line)).filter((entry) => 'route' in entry).map((entry) => entry.route);
    await vi.waitFor(() => expect(routes()).toEqual(['remix:manifest', 'data:routes/_public.privacy']));
    expect(app.logLines.join('\n')).not.toMatch(/secret-manifest-path|secret-query-value/);
  });
});
