import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
