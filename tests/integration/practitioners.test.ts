import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getContentLibrary } from '../../modules/content/index';
import { readableText } from '../../modules/mail/outbox';
import { hashPassword } from '../../modules/auth/password';
import { THROTTLE_LIMITS } from '../../modules/auth/throttle';
import { currentTotp, newTotpSecret } from '../../modules/auth/totp';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';
import { HttpClient, pageText } from '../support/http-client';
import { createPractitioner, latestMailTo, pdfText, verificationPathFor } from '../support/practitioners';

const PASSWORD = 'correct horse battery staple';
const secretOf = (html: string) => /data-testid="totp-secret">([A-Z2-7 ]+)</.exec(html)?.[1]?.replace(/\s+/g, '');

describe('practitioner registration, sign-in and packs through the site', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp(test.db);
  });
  afterAll(() => app?.stop());

  const practitioner = (email: string, options: { verified?: boolean; totpSecret?: string } = {}) => createPractitioner(test.db, email, PASSWORD, options);

  async function signIn(email: string) {
    const client = new HttpClient(app.baseUrl);
    const response = await client.post('/practitioners/sign-in', { email, password: PASSWORD });
    expect(response.status).toBe(302);
    return { client, response };
  }

  it('register, confirm by the emailed link, sign in, download a pack, then turn on two-factor and sign in with a code', async () => {
    const client = new HttpClient(app.baseUrl);
    // No cookie on the way in: not on the introduction, not on the form, not after registering.
    for (const path of ['/practitioners', '/practitioners/register', '/practitioners/sign-in']) {
      const page = await client.get(path);
      expect(page.status, path).toBe(200);
      expect(page.setCookie, path).toEqual([]);
      expect(page.text).toContain('govuk-exit-this-page');
    }
    const registered = await client.post('/practitioners/register', {
      email: ' Jo.Teacher@School.Example ',
      organisationName: 'Hillhead Primary School',
      password: PASSWORD,
      confirmPassword: PASSWORD,
    });
    expect(registered.status).toBe(200);
    expect(pageText(registered.text)).toContain('Check your email');
    expect(pageText(registered.text)).toContain('jo.teacher@school.example');
    expect(registered.text).not.toContain(PASSWORD);
    expect(registered.setCookie).toEqual([]);

    const row = await test.db.selectFrom('practitioner').selectAll().where('email', '=', 'jo.teacher@school.example').executeTakeFirstOrThrow();
    expect(row.organisation_name).toBe('Hillhead Primary School');
    expect(row.email_verified_at).toBeNull();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const mail = (await latestMailTo(test.db, 'jo.teacher@school.example'))!;
    expect(mail.kind).toBe('practitioner-verification');
    expect(mail.subject).toBe('Confirm your email address for the Stop It Now Scotland toolkit');
    const link = await verificationPathFor(test.db, 'jo.teacher@school.example');
    expect(readableText(mail)).toContain(`${app.baseUrl}${link}`);

    // Opening the link only shows a button (mail scanners open links too); the button confirms.
    const confirmPage = await client.get(link);
    expect(pageText(confirmPage.text)).toContain('Confirm your email address');
    expect((await test.db.selectFrom('practitioner').select('email_verified_at').where('id', '=', row.id).executeTakeFirstOrThrow()).email_verified_at).toBeNull();
    const confirmed = await client.post(link, {});
    expect(confirmed.status).toBe(200);
    expect(pageText(confirmed.text)).toContain('Your email address is confirmed');
    expect(confirmed.setCookie).toEqual([]);
    const again = await client.post(link, {});
    expect(again.status).toBe(400);
    expect(pageText(again.text)).toContain('This link has expired or has been used');

    const signedIn = await client.post('/practitioners/sign-in', { email: 'JO.TEACHER@school.example', password: PASSWORD });
    expect(signedIn.status).toBe(302);
    expect(signedIn.location).toBe('/practitioners/packs');
    expect(signedIn.setCookie).toHaveLength(1);
    expect(signedIn.setCookie[0]).toMatch(/^practitioner-session=[^;]+; Path=\/practitioners; HttpOnly; SameSite=Lax$/);

    const packs = await client.get('/practitioners/packs');
    expect(packs.status).toBe(200);
    const toolkit = getContentLibrary().areas.toolkit.groups;
    for (const group of toolkit) expect(packs.text).toContain(`href="/practitioners/packs/${group.slug}.pdf"`);

    const download = await fetch(`${app.baseUrl}/practitioners/packs/warning-signs.pdf`, { headers: { Cookie: [...client.cookies].map(([n, v]) => `${n}=${v}`).join('; ') } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="stop-it-now-scotland-warning-signs-pack.pdf"');
    expect(download.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = await pdfText(bytes.slice());
    const group = getContentLibrary().group('toolkit', 'warning-signs')!;
    for (const page of [group.introduction, ...group.pages]) expect(text).toContain(page.title);
    expect(text).toContain('Practitioner pack from the Stop It Now Scotland toolkit');

    expect((await client.get('/practitioners/packs/no-such-section.pdf')).status).toBe(404);

    // Two-factor: a QR code drawn here, a wrong code refused, the right one turns it on.
    await client.get('/practitioners/account');
    const start = await client.post('/practitioners/account', { intent: 'start-two-factor' });
    expect(start.status).toBe(200);
    expect(start.text).toContain('<svg');
    const secret = secretOf(start.text)!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = await client.post('/practitioners/account', { intent: 'turn-on-two-factor', code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('govuk-error-summary');
    expect(wrong.text).not.toContain('value="000000"');
    expect(secretOf(wrong.text)).toBe(secret);
    // Codes are pinned to the moment two-factor was turned on, so a 30-second boundary mid-test changes nothing.
    const enabledAt = Date.now();
    const on = await client.post('/practitioners/account', { intent: 'turn-on-two-factor', code: currentTotp(secret, enabledAt) });
    expect(on.status).toBe(200);
    expect(pageText(on.text)).toContain('Two-factor authentication is on');

    const out = await client.post('/practitioners/account', { intent: 'sign-out' });
    expect(out.status).toBe(302);
    expect(out.location).toBe('/practitioners/signed-out');
    expect(out.setCookie[0]).toMatch(/^practitioner-session=; Max-Age=0; Path=\/practitioners;/);
    expect((await client.get('/practitioners/packs')).location).toBe('/practitioners/sign-in');

    const password = await client.post('/practitioners/sign-in', { email: 'jo.teacher@school.example', password: PASSWORD });
    expect(password.location).toBe('/practitioners/sign-in/two-factor');
    const halfway = client.cookies.get('practitioner-session');
    // Half signed in: the packs stay shut.
    expect((await client.get('/practitioners/packs')).location).toBe('/practitioners/sign-in/two-factor');
    await client.get('/practitioners/sign-in/two-factor');
    const replay = await client.post('/practitioners/sign-in/two-factor', { code: currentTotp(secret, enabledAt) });
    expect(replay.status).toBe(400);
    const code = await client.post('/practitioners/sign-in/two-factor', { code: currentTotp(secret, enabledAt + 30_000) });
    expect(code.status).toBe(302);
    expect(code.location).toBe('/practitioners/packs');
    expect(client.cookies.get('practitioner-session')).not.toBe(halfway);
    expect((await client.get('/practitioners/packs')).status).toBe(200);

    // And off again with a current code (the last one was used, so move the clock on a step as time would).
    await client.get('/practitioners/account');
    expect((await client.post('/practitioners/account', { intent: 'turn-off-two-factor', code: currentTotp(secret, enabledAt + 30_000) })).status).toBe(400);
    await test.db.updateTable('practitioner').set({ totp_last_step: null }).where('id', '=', row.id).execute();
    const off = await client.post('/practitioners/account', { intent: 'turn-off-two-factor', code: currentTotp(secret) });
    expect(off.status).toBe(200);
    expect(pageText(off.text)).toContain('Two-factor authentication is off');
    expect((await test.db.selectFrom('practitioner').select(['totp_enabled_at', 'totp_secret']).where('id', '=', row.id).executeTakeFirstOrThrow())).toEqual({ totp_enabled_at: null, totp_secret: null });

    // Practitioners are not staff: nothing about them goes in the staff audit log.
    const audit = JSON.stringify(await test.db.selectFrom('audit_event').selectAll().execute());
    expect(audit).not.toContain('jo.teacher');
  });

  it('registering an address that already has an account changes nothing, says the same, and emails that address instead', async () => {
    await practitioner('already@school.example');
    const client = new HttpClient(app.baseUrl);
    const response = await client.post('/practitioners/register', {
      email: 'already@school.example',
      organisationName: 'Somebody Else Ltd',
      password: 'a brand new password 123',
      confirmPassword: 'a brand new password 123',
    });
    expect(response.status).toBe(200);
    expect(pageText(response.text)).toContain('Check your email');
    const rows = await test.db.selectFrom('practitioner').select(['organisation_name']).where('email', '=', 'already@school.example').execute();
    expect(rows).toEqual([{ organisation_name: 'Test Primary School' }]);
    const mail = (await latestMailTo(test.db, 'already@school.example'))!;
    expect(mail.kind).toBe('practitioner-already-registered');
    expect(mail.body_text).toContain('already has an account');
    expect(mail.body_text).not.toMatch(/verify/);
    // The old password still works; the new one does not.
    expect((await client.post('/practitioners/sign-in', { email: 'already@school.example', password: 'a brand new password 123' })).status).toBe(400);
    expect((await client.post('/practitioners/sign-in', { email: 'already@school.example', password: PASSWORD })).location).toBe('/practitioners/packs');

    // Asking again at once sends nothing more: the form cannot flood an inbox.
    await new HttpClient(app.baseUrl).post('/practitioners/register', { email: 'already@school.example', organisationName: 'X', password: 'another long password 9', confirmPassword: 'another long password 9' });
    const mails = await test.db.selectFrom('outbox_message').select('id').where('to_address', '=', 'already@school.example').execute();
    expect(mails).toHaveLength(1);
  });

  it('shows every problem with the form in an error summary, keeps what was typed, and never echoes a password', async () => {
    const client = new HttpClient(app.baseUrl);
    const empty = await client.post('/practitioners/register', { email: 'not-an-email', organisationName: '', password: 'short-secret', confirmPassword: 'different-secret' });
    expect(empty.status).toBe(400);
    const text = pageText(empty.text);
    expect(empty.text).toContain('govuk-error-summary');
    expect(text).toContain('Enter an email address in the correct format');
    expect(text).toContain('Enter the name of the organisation you work for');
    expect(empty.text).toContain('value="not-an-email"');
    expect(empty.text).not.toContain('short-secret');
    expect(empty.text).not.toContain('different-secret');

    const weak = await client.post('/practitioners/register', { email: 'weak@school.example', organisationName: 'Weak & Co', password: 'password1234', confirmPassword: 'password1234' });
    expect(weak.status).toBe(400);
    expect(pageText(weak.text)).toContain('one of the most common passwords');
    expect(weak.text).toContain('value="Weak &amp; Co"');
    expect(weak.text).not.toContain('password1234');
    expect(await test.db.selectFrom('practitioner').select('id').where('email', '=', 'weak@school.example').executeTakeFirst()).toBeUndefined();

    const mismatch = await client.post('/practitioners/register', { email: 'm@school.example', organisationName: 'M', password: PASSWORD, confirmPassword: `${PASSWORD}!` });
    expect(pageText(mismatch.text)).toContain('The passwords do not match');

    // Hidden characters: a NUL in an address is a wrong format (PostgreSQL text cannot hold one), a pasted tab in a name a space.
    const nul = await client.post('/practitioners/register', { email: 'n\u0000@school.example', organisationName: 'N', password: PASSWORD, confirmPassword: PASSWORD });
    expect(nul.status).toBe(400);
    expect(pageText(nul.text)).toContain('Enter an email address in the correct format');
    expect((await client.post('/practitioners/sign-in', { email: 'n\u0000@school.example', password: PASSWORD })).status).toBe(400);
    const tabbed = await client.post('/practitioners/register', { email: 'tab@school.example', organisationName: 'Tab\tand\u0000Co\r\n', password: PASSWORD, confirmPassword: PASSWORD });
    expect(tabbed.status).toBe(200);
    expect((await test.db.selectFrom('practitioner').select('organisation_name').where('email', '=', 'tab@school.example').executeTakeFirstOrThrow()).organisation_name).toBe('Tab and Co');
    expect((await client.post('/practitioners/register', { email: 'blank@school.example', organisationName: '\u0000\t', password: PASSWORD, confirmPassword: PASSWORD })).status).toBe(400);
  });

  it('an unconfirmed address can sign in but not download, and can ask for a new link', async () => {
    await practitioner('unconfirmed@school.example', { verified: false });
    const { client } = await signIn('unconfirmed@school.example');
    const packs = await client.get('/practitioners/packs');
    expect(packs.status).toBe(200);
    expect(pageText(packs.text)).toContain('Confirm your email address to download the packs');
    expect(packs.text).not.toContain('.pdf"');
    const download = await client.get('/practitioners/packs/warning-signs.pdf');
    expect(download.status).toBe(403);
    expect(download.headers.get('content-type')).not.toBe('application/pdf');

    const resent = await client.post('/practitioners/packs', {});
    expect(resent.status).toBe(200);
    expect(pageText(resent.text)).toContain('We have sent a new link');
    const link = await verificationPathFor(test.db, 'unconfirmed@school.example');
    const soon = await client.post('/practitioners/packs', {});
    expect(pageText(soon.text)).toContain('less than a minute ago');
    await client.post(link, {});
    expect((await client.get('/practitioners/packs/what-to-do.pdf')).status).toBe(200);
  });

  it('throttles wrong passwords per account, and wrong codes, saying when to try again', async () => {
    await practitioner('guessed@school.example');
    const client = new HttpClient(app.baseUrl);
    const limit = THROTTLE_LIMITS['password:account'].points;
    for (let i = 0; i < limit - 1; i++) expect((await client.post('/practitioners/sign-in', { email: 'guessed@school.example', password: `wrong-${i}` })).status).toBe(400);
    const last = await client.post('/practitioners/sign-in', { email: 'guessed@school.example', password: 'wrong-last' });
    expect(last.status).toBe(429);
    expect(pageText(last.text)).toMatch(/too many attempts to sign in\. Try again in \d+ minutes? \(at \d\d:\d\d\)/);
    expect(last.text).toContain('value="guessed@school.example"');
    const right = await client.post('/practitioners/sign-in', { email: 'guessed@school.example', password: PASSWORD });
    expect(right.status).toBe(429);
    expect(right.setCookie).toEqual([]);
    const keys = await test.db.selectFrom('sign_in_throttle').select('key').execute();
    for (const { key } of keys) {
      expect(key).not.toContain('guessed');
      expect(key).not.toContain('127.0.0.1');
    }
    await test.db.deleteFrom('sign_in_throttle').execute();

    const secret = newTotpSecret();
    await practitioner('codes@school.example', { totpSecret: secret });
    const { client: coder, response } = await signIn('codes@school.example');
    expect(response.location).toBe('/practitioners/sign-in/two-factor');
    await coder.get('/practitioners/sign-in/two-factor');
    const codeLimit = THROTTLE_LIMITS['second-factor:account'].points;
    for (let i = 0; i < codeLimit - 1; i++) expect((await coder.post('/practitioners/sign-in/two-factor', { code: '000000' })).status).toBe(400);
    expect((await coder.post('/practitioners/sign-in/two-factor', { code: '000000' })).status).toBe(429);
    const blocked = await coder.post('/practitioners/sign-in/two-factor', { code: currentTotp(secret) });
    expect(blocked.status).toBe(429);
    expect(pageText(blocked.text)).toContain('too many wrong codes');
    await test.db.deleteFrom('sign_in_throttle').execute();
  });

  it('a practitioner session opens nothing under /staff', async () => {
    await practitioner('no-staff@school.example');
    const { client } = await signIn('no-staff@school.example');
    expect((await client.get('/practitioners/packs')).status).toBe(200);
    const id = client.cookies.get('practitioner-session')!;
    for (const path of ['/staff', '/staff/account', '/staff/sign-in/two-factor']) {
      // The browser would not even send it (Path=/practitioners); sent anyway, it is ignored.
      const sent = await client.get(path);
      expect(sent.location, path).toBe('/staff/sign-in');
      // Nor does the same id work as a staff cookie: it is looked for among staff sessions only.
      const disguised = await fetch(`${app.baseUrl}${path}`, { headers: { Cookie: `choice-session=${id}` }, redirect: 'manual' });
      expect(disguised.status, path).toBe(302);
      expect(disguised.headers.get('location'), path).toBe('/staff/sign-in');
    }
    const staffPost = await client.post('/staff/account', {});
    expect(staffPost.status).toBe(302);
    expect(staffPost.location).toBe('/staff/sign-in');
  });

  it('refuses a signed-in form without the session token, and any form from another site', async () => {
    await practitioner('csrf@school.example');
    const { client } = await signIn('csrf@school.example');
    await client.get('/practitioners/account');
    expect((await client.post('/practitioners/account', { intent: 'sign-out' }, { csrf: false })).status).toBe(403);
    expect((await client.post('/practitioners/account', { intent: 'sign-out', csrf: 'x'.repeat(43) })).status).toBe(403);
    expect((await client.get('/practitioners/packs')).status).toBe(200);
    const foreign = await new HttpClient(app.baseUrl).post('/practitioners/register', { email: 'x@y.example' }, { headers: { Origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const crossSite = await new HttpClient(app.baseUrl).post('/practitioners/sign-in', { email: 'csrf@school.example', password: PASSWORD }, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.setCookie).toEqual([]);
  });

  it('ends a session after the idle limit and after the absolute limit', async () => {
    await practitioner('idle@school.example');
    const { client } = await signIn('idle@school.example');
    await test.db.updateTable('practitioner_session').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).where('practitioner_id', 'in', (eb) => eb.selectFrom('practitioner').select('id').where('email', '=', 'idle@school.example')).execute();
    const idle = await client.get('/practitioners/packs');
    expect(idle.location).toBe('/practitioners/signed-out?reason=idle');
    expect(idle.setCookie[0]).toMatch(/Max-Age=0/);
    expect(pageText((await client.get('/practitioners/signed-out?reason=idle')).text)).toContain('did not do anything for a while');

    const { client: long } = await signIn('idle@school.example');
    await test.db.updateTable('practitioner_session').set({ expires_at: new Date(Date.now() - 1000) }).where('practitioner_id', 'in', (eb) => eb.selectFrom('practitioner').select('id').where('email', '=', 'idle@school.example')).execute();
    expect((await long.get('/practitioners/account')).location).toBe('/practitioners/signed-out?reason=absolute');
    const left = await test.db.selectFrom('practitioner_session').innerJoin('practitioner', 'practitioner.id', 'practitioner_session.practitioner_id').select('id_hash').where('email', '=', 'idle@school.example').execute();
    expect(left).toEqual([]);
  });
});

describe('the practitioner cookie over https', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    process.env.TRUST_PROXY = '1';
    app = await startInProcessApp(test.db);
    await test.db.insertInto('practitioner').values({ email: 'tls@school.example', organisation_name: 'TLS', password_hash: await hashPassword(PASSWORD), email_verified_at: new Date() }).execute();
  });
  afterAll(async () => {
    delete process.env.TRUST_PROXY;
    await app?.stop();
  });

  it('is Secure, __Secure- prefixed and kept to /practitioners behind a TLS proxy', async () => {
    const client = new HttpClient(app.baseUrl);
    const response = await client.post('/practitioners/sign-in', { email: 'tls@school.example', password: PASSWORD }, { headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': new URL(app.baseUrl).host } });
    expect(response.status).toBe(302);
    expect(response.setCookie[0]).toMatch(/^__Secure-practitioner-session=[^;]+; Path=\/practitioners; HttpOnly; Secure; SameSite=Lax$/);
  });
});
