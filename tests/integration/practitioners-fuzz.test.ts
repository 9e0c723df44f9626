import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../modules/auth/one-time-tokens';
import { hashPassword } from '../../modules/auth/password';
import { passwordProblem } from '../../modules/auth/password-policy';
import { newTotpSecret } from '../../modules/auth/totp';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';
import { FORM_NOT_ACCEPTED } from '../support/fuzz';
import { runQueuedJobs } from '../support/jobs';
import { HttpClient, type HttpResponse } from '../support/http-client';

const PASSWORD = 'correct horse battery staple';

const nasty = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.constantFrom('', ' ', '\u0000', 'A\u0000B', '\t\r\n', '%00', '123456', '１２３４５６', '-1', 'NaN', '__proto__', 'constructor', '<script>alert(1)</script>', "' OR 1=1 --", 'a@b.example', 'x'.repeat(20_000), '💥'.repeat(400)),
);
/** A password distinctive enough that finding it anywhere in the page would mean it was echoed. */
const secret = fc.oneof(
  fc.stringMatching(/^[a-z0-9]{12,40}$/).map((s) => `pw-${s}`),
  fc.constantFrom(PASSWORD, 'password1234', 'correct horse battery staple!'),
);
const email = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom('taken@school.example', 'TAKEN@School.Example', ' new@school.example ', 'nul\u0000@school.example', 'tab\t@school.example', 'taken@school.example\u0000'),
  nasty,
);
const fieldName = fc.oneof(
  fc.constantFrom('email', 'organisationName', 'password', 'confirmPassword', 'code', 'csrf', 'intent', '__proto__', 'email[]', 'password.x'),
  fc.string({ maxLength: 20 }),
);
/** Random fields with random values, or the real fields with hostile values. */
const formBody = fc.oneof(
  fc.array(fc.tuple(fieldName, nasty), { maxLength: 12 }),
  fc.tuple(email, nasty, secret, fc.boolean(), nasty).map(([e, org, pw, same, other]) => [
    ['email', e],
    ['organisationName', org],
    ['password', pw],
    ['confirmPassword', same ? pw : other],
  ] as Array<[string, string]>),
  fc.tuple(email, secret).map(([e, pw]) => [['email', e], ['password', pw]] as Array<[string, string]>),
);
const rawBody = fc.record({
  contentType: fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/octet-stream'),
  body: fc.oneof(fc.string({ maxLength: 500 }), fc.constantFrom('{"email":1}', '--x\r\nContent-Disposition: form-data; name="code"\r\n\r\n1\r\n--x--', '%%%', 'email=%E0%A4%A')),
});
type Hostile = { kind: 'form'; fields: Array<[string, string]> } | { kind: 'raw'; contentType: string; body: string };
const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 4, arbitrary: formBody.map((fields) => ({ kind: 'form' as const, fields })) },
  { weight: 1, arbitrary: rawBody.map((raw) => ({ kind: 'raw' as const, ...raw })) },
);

function send(client: HttpClient, path: string, input: Hostile) {
  if (input.kind === 'form') return client.post(path, input.fields);
  return client.request(path, { method: 'POST', body: input.body, headers: { 'Content-Type': input.contentType, 'Sec-Fetch-Site': 'same-origin' } });
}

/** A page with a message, never a failure, and never a password or code back. */
function expectHandled(response: HttpResponse, input: Hostile) {
  expect([200, 302, 400, 403, 413, 415, 429]).toContain(response.status);
  expect(response.text).not.toMatch(/Sorry, there is a problem with the service|at [\w.]+ \(|Error:\s+\w+Error/);
  if ([400, 413, 415, 429].includes(response.status)) expect(response.text).toMatch(new RegExp(`govuk-error-summary|This link has expired or has been used|${FORM_NOT_ACCEPTED.source}`));
  if (input.kind !== 'form') return;
  const shown = new Set(input.fields.filter(([name]) => !/password|code/i.test(name)).map(([, value]) => value));
  for (const [name, value] of input.fields) {
    if (!/password|code/i.test(name) || shown.has(value)) continue;
    if (value.startsWith('pw-') || value === PASSWORD) expect(response.text).not.toContain(value);
    if (value.length >= 6 && /^[a-z0-9 -]+$/i.test(value)) expect(response.text).not.toContain(`value="${value}"`);
  }
}

describe('hostile bodies sent to the practitioner forms', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp(test.db);
    const password_hash = await hashPassword(PASSWORD);
    await test.db
      .insertInto('practitioner')
      .values([
        { email: 'taken@school.example', organisation_name: 'Taken', password_hash, email_verified_at: new Date() },
        { email: 'coded@school.example', organisation_name: 'Coded', password_hash, email_verified_at: new Date(), totp_secret: newTotpSecret(), totp_enabled_at: new Date() },
      ])
      .execute();
  });
  afterAll(() => app?.stop());
  const clearThrottle = () => test.db.deleteFrom('sign_in_throttle').execute();

  it('register: 200 bodies, each a page with a clear message, and no cookie', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        const response = await send(new HttpClient(app.baseUrl), '/practitioners/register', input);
        expectHandled(response, input);
        expect(response.setCookie).toEqual([]);
      }),
      { numRuns: 200 },
    );
    // Some bodies were good enough to make an account: the property reached the database.
    const made = await test.db.selectFrom('practitioner').select('id').where('email', 'not in', ['taken@school.example', 'coded@school.example']).execute();
    expect(made.length).toBeGreaterThan(0);
    // The taken address still has one account, with its own password.
    const taken = await test.db.selectFrom('practitioner').select('organisation_name').where('email', '=', 'taken@school.example').execute();
    expect(taken).toEqual([{ organisation_name: 'Taken' }]);
    // The accounts made here go, so a later property never signs in to one with its (random) password.
    await test.db.deleteFrom('practitioner').where('email', 'not in', ['taken@school.example', 'coded@school.example']).execute();
  });

  it('sign in: 150 bodies, never a session from a wrong password', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        await clearThrottle();
        const response = await send(new HttpClient(app.baseUrl), '/practitioners/sign-in', input);
        expectHandled(response, input);
        if (response.status === 302) {
          // Only the real password of a real account signs in.
          const fields = input.kind === 'form' ? input.fields : [];
          expect(fields.some(([name, value]) => name === 'password' && value === PASSWORD)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the code from the app: 100 bodies, never a full session', async () => {
    const client = new HttpClient(app.baseUrl);
    const signedIn = await client.post('/practitioners/sign-in', { email: 'coded@school.example', password: PASSWORD });
    expect(signedIn.location).toBe('/practitioners/sign-in/two-factor');
    await client.get('/practitioners/sign-in/two-factor');
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        await clearThrottle();
        const response = await send(client, '/practitioners/sign-in/two-factor', input);
        expectHandled(response, input);
        expect(response.location ?? '').not.toBe('/practitioners/packs');
      }),
      { numRuns: 100 },
    );
  });

  it('the account and packs forms while signed in: 100 bodies, two-factor never turned on by chance', async () => {
    const client = new HttpClient(app.baseUrl);
    expect((await client.post('/practitioners/sign-in', { email: 'taken@school.example', password: PASSWORD })).location).toBe('/practitioners/packs');
    await client.get('/practitioners/account');
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom('/practitioners/account', '/practitioners/packs'), fc.constantFrom('start-two-factor', 'turn-on-two-factor', 'turn-off-two-factor', null), async (input, path, intent) => {
        await clearThrottle();
        const withIntent: Hostile = intent && input.kind === 'form' ? { kind: 'form', fields: [['intent', intent], ...input.fields] } : input;
        const response = await send(client, path, withIntent);
        expectHandled(response, withIntent);
      }),
      { numRuns: 100 },
    );
    const account = await test.db.selectFrom('practitioner').select('totp_enabled_at').where('email', '=', 'taken@school.example').executeTakeFirstOrThrow();
    expect(account.totp_enabled_at).toBeNull();
  });

  it('asking for a password reset: 60 bodies, no cookie, and mail only to accounts, at most one each', async () => {
    // Some bodies name a real account, so the property reaches the mail too.
    const account = fc.constantFrom('taken@school.example', ' Coded@School.Example ').map((e): Hostile => ({ kind: 'form', fields: [['email', e]] }));
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: account }), async (input) => {
        await clearThrottle();
        const response = await send(new HttpClient(app.baseUrl), '/practitioners/password-reset', input);
        expectHandled(response, input);
        expect(response.setCookie).toEqual([]);
      }),
      { numRuns: 60 },
    );
    await runQueuedJobs(test.db);
    const mails = await test.db.selectFrom('outbox_message').select('to_address').where('kind', '=', 'practitioner-password-reset').execute();
    const accounts = new Set((await test.db.selectFrom('practitioner').select('email').execute()).map((row) => row.email));
    expect(mails.length).toBeGreaterThan(0);
    for (const { to_address } of mails) expect(accounts.has(to_address)).toBe(true);
    expect(new Set(mails.map((mail) => mail.to_address)).size).toBe(mails.length);
  });

  it('the password reset link: 60 bodies to a fresh real link and to broken ones, a password saved only when it is a good one typed twice', async () => {
    const email = 'resetting@school.example';
    const { id } = await test.db.insertInto('practitioner').values({ email, organisation_name: 'Resetting', password_hash: await hashPassword(PASSWORD) }).returning('id').executeTakeFirstOrThrow();
    const paths = fc.oneof(
      { weight: 3, arbitrary: fc.constant('fresh') },
      { weight: 1, arbitrary: fc.constantFrom('/practitioners/password-reset/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/practitioners/password-reset/not-a-token', '/practitioners/password-reset/%00') },
    );
    // Some bodies are a plain new password typed twice, so the property reaches the saving too.
    const typedTwice: fc.Arbitrary<Hostile> = secret.map((pw) => ({ kind: 'form', fields: [['password', pw], ['confirmPassword', pw]] }));
    let saves = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: typedTwice }), paths, async (input, where) => {
        const path = where === 'fresh' ? `/practitioners/password-reset/${await issueToken(test.db, 'practitioner_password_reset', { practitionerId: id })}` : where;
        const before = (await test.db.selectFrom('practitioner').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;
        const response = await send(new HttpClient(app.baseUrl), path, input);
        expectHandled(response, input);
        expect(response.setCookie).toEqual([]);
        const after = (await test.db.selectFrom('practitioner').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;
        if (after === before) return;
        // Changed: only through the real link, with the same good password in both fields.
        saves++;
        expect(response.location).toBe('/practitioners/password-changed');
        expect(where).toBe('fresh');
        const fields = new Map(input.kind === 'form' ? [...input.fields].reverse() : []);
        const password = fields.get('password');
        expect(password).toBeDefined();
        expect(fields.get('confirmPassword')).toBe(password);
        expect(passwordProblem(password!, { email })).toBeNull();
      }),
      { numRuns: 60 },
    );
    expect(saves).toBeGreaterThan(0);
    expect(await test.db.selectFrom('practitioner_session').select('id_hash').where('practitioner_id', '=', id).execute()).toEqual([]);
  });

  it('the confirmation link: 50 bodies to real-looking and broken links', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom('/practitioners/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/practitioners/verify/not-a-token', '/practitioners/verify/%00'), async (input, path) => {
        const response = await send(new HttpClient(app.baseUrl), path, input);
        expectHandled(response, input);
      }),
      { numRuns: 50 },
    );
  });
});
