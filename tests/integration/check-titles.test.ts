import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';

/** The page's title as a browser without JavaScript takes it: the first <title> in the document. */
function titleOf(html: string): string {
  return html.match(/<title>([^<]*)<\/title>/)?.[1]?.replace(/&#x27;|&#39;/g, "'") ?? '';
}

describe('page titles without JavaScript', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp(test.db);
  });
  afterAll(() => app.stop());

  const post = (path: string, fields: Array<[string, string]>) =>
    fetch(`${app.baseUrl}${path}`, { method: 'POST', body: new URLSearchParams(fields), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

  it('each step of a check names its question, its answers page or its result', async () => {
    const start = await (await fetch(`${app.baseUrl}/checks/sexual-thoughts`)).text();
    expect(start.match(/<title>/g)).toHaveLength(1);
    expect(titleOf(start)).toBe('Worried about my sexual thoughts – Stop It Now Scotland');

    const first = await (await post('/checks/sexual-thoughts', [['intent', 'start']])).text();
    expect(first.match(/<title>/g)).toHaveLength(1);
    expect(titleOf(first)).toMatch(/^[A-Z].+\? – Worried about my sexual thoughts – Stop It Now Scotland$/);
    const question = first.match(/name="question" value="([a-z_]+)"/)![1]!;

    const missing = await post('/checks/sexual-thoughts', [['intent', 'answer'], ['question', question]]);
    expect(missing.status).toBe(400);
    expect(titleOf(await missing.text())).toMatch(/^Error: .+ – Worried about my sexual thoughts – Stop It Now Scotland$/);

    const code = await (await post('/checks/sexual-thoughts', [['intent', 'resume'], ['code', 'NOT A CODE']])).text();
    expect(titleOf(code)).toBe('Error: Continue with your code – Worried about my sexual thoughts – Stop It Now Scotland');
  });

  it('an error page says so first in its title', async () => {
    const missing = await fetch(`${app.baseUrl}/checks/no-such-check`);
    expect(missing.status).toBe(404);
    expect(titleOf(await missing.text())).toBe('Error: Page not found – Stop It Now Scotland');
    const page = await fetch(`${app.baseUrl}/toolkit/no-such-section/page`);
    expect(titleOf(await page.text())).toBe('Error: Page not found – Stop It Now Scotland');
  });

  it('other pages keep their own titles', async () => {
    const law = await (await fetch(`${app.baseUrl}/self-help/the-law-and-after-an-arrest/is-what-i-am-doing-illegal`)).text();
    expect(titleOf(law)).toMatch(/^Is what I am doing illegal\?/);
  });
});
