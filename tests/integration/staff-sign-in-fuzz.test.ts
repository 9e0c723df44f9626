import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../db/seed';
import { newTotpSecret } from '../../modules/auth/totp';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';
import { FORM_NOT_ACCEPTED } from '../support/fuzz';
import { HttpClient } from '../support/http-client';

const nasty = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.constantFrom('', ' ', '\u0000', '%00', '123456', '12345 6', '１２３４５６', '-1', 'NaN', '__proto__', 'constructor', '<script>alert(1)</script>', "' OR 1=1 --", 'admin@demo.example', 'x'.repeat(20_000), '💥'.repeat(400), 'a\u0000@b.example', 'admin@demo.example\u0000'),
);
const fieldName = fc.oneof(fc.constantFrom('email', 'password', 'code', 'csrf', 'confirmPassword', 'scope', '__proto__', 'email[]', 'code.x'), fc.string({ maxLength: 20 }));
const formBody = fc.array(fc.tuple(fieldName, nasty), { maxLength: 12 });
/** Bodies that are not forms at all. */
const rawBody = fc.record({
  contentType: fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/octet-stream'),
  body: fc.oneof(fc.string({ maxLength: 500 }), fc.constantFrom('{"email":1}', '--x\r\nContent-Disposition: form-data; name="code"\r\n\r\n1\r\n--x--', '%%%', 'email=%E0%A4%A')),
});
const hostile = fc.oneof({ weight: 3, arbitrary: formBody.map((fields) => ({ kind: 'form' as const, fields })) }, { weight: 1, arbitrary: rawBody.map((raw) => ({ kind: 'raw' as const, ...raw })) });

type Hostile = { kind: 'form'; fields: Array<[string, string]> } | { kind: 'raw'; contentType: string; body: string };

async function send(client: HttpClient, path: string, input: Hostile) {
  if (input.kind === 'form') return client.post(path, input.fields);
  return client.request(path, { method: 'POST', body: input.body, headers: { 'Content-Type': input.contentType, 'Sec-Fetch-Site': 'same-origin' } });
}

/** A page with a message for the person, never a failure, and never their secret back. */
function expectHandled(response: { status: number; text: string }, input: Hostile) {
  expect([200, 302, 400, 403, 413, 415, 429]).toContain(response.status);
  expect(response.text).not.toMatch(/at [\w.]+ \(|Error:\s+\w+Error|stack/);
  if ([400, 413, 415, 429].includes(response.status)) expect(response.text).toMatch(new RegExp(`govuk-error-summary|This link has expired or has been used|${FORM_NOT_ACCEPTED.source}`));
  if (input.kind === 'form') {
    const shown = new Set(input.fields.filter(([name]) => !/password|code/i.test(name)).map(([, value]) => value));
    for (const [name, value] of input.fields) {
      if (/password|code/i.test(name) && value.length >= 8 && /^[a-z0-9 -]+$/i.test(value) && !shown.has(value)) expect(response.text).not.toContain(`value="${value}"`);
    }
  }
}

describe('hostile bodies sent to the sign-in, two-factor and password forms', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    await test.db.updateTable('staff_user').set({ totp_secret: newTotpSecret(), totp_enabled_at: new Date() }).where('email', '=', 'manager@demo.example').execute();
    app = await startInProcessApp(test.db);
  });
  afterAll(() => app?.stop());
  const clearThrottle = () => test.db.deleteFrom('sign_in_throttle').execute();

  it('sign in: 200 bodies, each a page with a clear message', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        await clearThrottle();
        const response = await send(new HttpClient(app.baseUrl), '/staff/sign-in', input);
        expectHandled(response, input);
        // Nothing random signs anyone in.
        expect(response.location ?? '').not.toMatch(/two-factor/);
      }),
      { numRuns: 200 },
    );
  });

  it('the code from the app and the recovery code: 200 bodies, never a session', async () => {
    const client = new HttpClient(app.baseUrl);
    const signedIn = await client.post('/staff/sign-in', { email: 'manager@demo.example', password: DEMO_PASSWORD });
    expect(signedIn.location).toBe('/staff/sign-in/two-factor');
    await client.get('/staff/sign-in/two-factor');
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom('/staff/sign-in/two-factor', '/staff/sign-in/recovery-code'), async (input, path) => {
        await clearThrottle();
        const response = await send(client, path, input);
        expectHandled(response, input);
        expect(response.location).not.toBe('/staff');
      }),
      { numRuns: 200 },
    );
  });

  it('forgotten password and the set-password links: 100 bodies', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom('/staff/password-reset', '/staff/password-reset/not-a-real-token', '/staff/invitation/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), async (input, path) => {
        const response = await send(new HttpClient(app.baseUrl), path, input);
        expectHandled(response, input);
      }),
      { numRuns: 100 },
    );
  });
});
