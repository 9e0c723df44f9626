import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp, newTotpSecret } from '../../modules/auth/totp';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';
import { runQueuedJobs } from '../support/jobs';
import { readableText } from '../../modules/mail/outbox';
import { HttpClient, pageText } from '../support/http-client';
import { createPractitioner, latestMailTo, passwordResetPathFor } from '../support/practitioners';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'lighthouse meadow copper 77';

describe('practitioner password reset through the site', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    app = await startInProcessApp(test.db);
  });
  afterAll(() => app?.stop());

  const practitioner = (email: string, options: { verified?: boolean; totpSecret?: string } = {}) => createPractitioner(test.db, email, PASSWORD, options);

  const mailsTo = (email: string) => test.db.selectFrom('outbox_message').select(['id', 'kind']).where('to_address', '=', email).execute();
  const tokensOf = (id: string) => test.db.selectFrom('one_time_token').selectAll().where('practitioner_id', '=', id).where('purpose', '=', 'practitioner_password_reset').execute();
  const sessionsOf = (id: string) => test.db.selectFrom('practitioner_session').select('id_hash').where('practitioner_id', '=', id).execute();
  const signIn = (email: string, password: string) => new HttpClient(app.baseUrl).post('/practitioners/sign-in', { email, password });

  it('offers the reset from the sign-in page, with no cookie and a form that works without JavaScript', async () => {
    const client = new HttpClient(app.baseUrl);
    const signInPage = await client.get('/practitioners/sign-in');
    expect(signInPage.text).toMatch(/<a[^>]*href="\/practitioners\/password-reset"[^>]*>I have forgotten my password<\/a>/);
    const page = await client.get('/practitioners/password-reset');
    expect(page.status).toBe(200);
    expect(page.setCookie).toEqual([]);
    expect(page.text).toContain('govuk-exit-this-page');
    expect(page.text).toMatch(/<form method="post"[^>]*>/);
    expect(pageText(page.text)).toContain('Reset your password');
    expect(pageText(page.text)).toContain('Contact Stop It Now Scotland');
    expect(page.text).toContain('href="/toolkit/get-help"');
  });

  it('says the same for an address with no account, and sends it nothing', async () => {
    await practitioner('known@school.example');
    const known = await new HttpClient(app.baseUrl).post('/practitioners/password-reset', { email: 'known@school.example' });
    await runQueuedJobs(test.db);
    const unknown = await new HttpClient(app.baseUrl).post('/practitioners/password-reset', { email: 'nobody@school.example' });
    await runQueuedJobs(test.db);
    for (const response of [known, unknown]) {
      expect(response.status).toBe(200);
      expect(response.setCookie).toEqual([]);
      expect(pageText(response.text)).toContain('Check your email');
    }
    expect(pageText(unknown.text)).toContain('If nobody@school.example is registered for the practitioner packs, we have sent it a link');
    // The two pages differ only by the address shown.
    expect(pageText(unknown.text).replaceAll('nobody@school.example', 'ADDRESS')).toBe(pageText(known.text).replaceAll('known@school.example', 'ADDRESS'));
    expect(await mailsTo('nobody@school.example')).toEqual([]);
    expect(await mailsTo('known@school.example')).toHaveLength(1);
  });

  it('emails a single-use link that keeps only its hash; a weak password is refused; a good one saves and ends every session', async () => {
    const { id } = await practitioner('reset@school.example');
    // Signed in on two browsers; the first is the one that asks for the reset.
    const client = new HttpClient(app.baseUrl);
    const other = new HttpClient(app.baseUrl);
    for (const browser of [client, other]) expect((await browser.post('/practitioners/sign-in', { email: 'reset@school.example', password: PASSWORD })).location).toBe('/practitioners/packs');
    expect(await sessionsOf(id)).toHaveLength(2);

    const requested = await client.post('/practitioners/password-reset', { email: ' Reset@School.Example ' });
    await runQueuedJobs(test.db);
    expect(requested.status).toBe(200);
    const mail = (await latestMailTo(test.db, 'reset@school.example'))!;
    expect(mail).toMatchObject({ kind: 'practitioner-password-reset', subject: 'Reset your password for the Stop It Now Scotland toolkit' });
    expect(mail.body_text).toContain('within 30 minutes');
    expect(mail.body_text).not.toContain('also confirms your email address');
    const link = await passwordResetPathFor(test.db, 'reset@school.example');
    expect(readableText(mail)).toContain(`${app.baseUrl}${link}`);
    const token = link.split('/').at(-1)!;
    // The outbox holds the link's secret sealed, never in the text.
    expect(mail.body_text).not.toContain(token);
    expect(mail.secret_sealed).not.toContain(token);
    const stored = await tokensOf(id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toBe(token);
    expect(new Date(stored[0]!.expires_at).getTime() - new Date(stored[0]!.created_at).getTime()).toBe(30 * 60_000);

    const form = await client.get(link);
    expect(form.status).toBe(200);
    expect(form.setCookie).toEqual([]);
    expect(pageText(form.text)).toContain('Choose a new password');
    expect(pageText(form.text)).toContain('For the account reset@school.example');
    expect(pageText(form.text)).not.toContain('Two-factor authentication is on');

    const weak = await client.post(link, { password: 'password1234', confirmPassword: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('govuk-error-summary');
    expect(weak.text).toContain('href="#password"');
    expect(pageText(weak.text)).toContain('one of the most common passwords');
    expect(weak.text).not.toContain('password1234');
    const short = await client.post(link, { password: 'short one', confirmPassword: 'short one' });
    expect(pageText(short.text)).toContain('at least 12 characters');
    const mismatch = await client.post(link, { password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` });
    expect(mismatch.status).toBe(400);
    expect(pageText(mismatch.text)).toContain('The passwords do not match');
    expect(mismatch.text).not.toContain(NEW_PASSWORD);
    const empty = await client.post(link, {});
    expect(pageText(empty.text)).toContain('Enter a new password');
    // None of these spent the link.
    expect((await tokensOf(id))[0]!.used_at).toBeNull();

    const saved = await client.post(link, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe('/practitioners/password-changed');
    expect(saved.setCookie).toEqual([]);
    const changed = await client.get(saved.location!);
    expect(changed.setCookie).toEqual([]);
    expect(pageText(changed.text)).toContain('Your password has been changed');
    expect(changed.text).toContain('href="/practitioners/sign-in"');
    expect(await sessionsOf(id)).toEqual([]);
    for (const browser of [client, other]) expect((await browser.get('/practitioners/packs')).location).toBe('/practitioners/sign-in');

    // Single use: the page and the form both say so, and the password stays the new one.
    const again = await client.get(link);
    expect(pageText(again.text)).toContain('This link has expired or has been used');
    const reuse = await client.post(link, { password: 'yet another long password', confirmPassword: 'yet another long password' });
    expect(reuse.status).toBe(400);
    expect(pageText(reuse.text)).toContain('This link has expired or has been used');
    expect((await signIn('reset@school.example', PASSWORD)).status).toBe(400);
    expect((await signIn('reset@school.example', 'yet another long password')).status).toBe(400);
    const fresh = await signIn('reset@school.example', NEW_PASSWORD);
    expect(fresh.location).toBe('/practitioners/packs');

    // The request log names the route, never the token in the path.
    const logs = app.logLines.join('\n');
    expect(logs).toContain('routes/_public.practitioners.password-reset.$token');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(NEW_PASSWORD);
  });

  it('confirms an address that was never confirmed, since the link reached it', async () => {
    const { id } = await practitioner('unconfirmed-reset@school.example', { verified: false });
    await new HttpClient(app.baseUrl).post('/practitioners/password-reset', { email: 'unconfirmed-reset@school.example' });
    await runQueuedJobs(test.db);
    const mail = (await latestMailTo(test.db, 'unconfirmed-reset@school.example'))!;
    expect(mail.body_text).toContain('Choosing a new password also confirms your email address.');
    const link = await passwordResetPathFor(test.db, 'unconfirmed-reset@school.example');
    expect((await new HttpClient(app.baseUrl).post(link, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).location).toBe('/practitioners/password-changed');
    const row = await test.db.selectFrom('practitioner').select('email_verified_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.email_verified_at).not.toBeNull();
    const client = new HttpClient(app.baseUrl);
    await client.post('/practitioners/sign-in', { email: 'unconfirmed-reset@school.example', password: NEW_PASSWORD });
    expect((await client.get('/practitioners/packs/what-to-do.pdf')).status).toBe(200);
  });

  it('keeps two-factor on, and says so', async () => {
    const secret = newTotpSecret();
    const { id } = await practitioner('two-factor-reset@school.example', { totpSecret: secret });
    await new HttpClient(app.baseUrl).post('/practitioners/password-reset', { email: 'two-factor-reset@school.example' });
    await runQueuedJobs(test.db);
    const link = await passwordResetPathFor(test.db, 'two-factor-reset@school.example');
    const client = new HttpClient(app.baseUrl);
    const form = await client.get(link);
    expect(pageText(form.text)).toContain('Two-factor authentication is on for this account, and stays on');
    expect(pageText(form.text)).toContain('Contact Stop It Now Scotland');
    expect((await client.post(link, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).location).toBe('/practitioners/password-changed');
    expect(pageText((await client.get('/practitioners/password-changed')).text)).toContain('you will also need the code from your authenticator app');
    const row = await test.db.selectFrom('practitioner').select(['totp_enabled_at', 'totp_secret']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.totp_enabled_at).not.toBeNull();
    expect(row.totp_secret).toBe(secret);
    const browser = new HttpClient(app.baseUrl);
    expect((await browser.post('/practitioners/sign-in', { email: 'two-factor-reset@school.example', password: NEW_PASSWORD })).location).toBe('/practitioners/sign-in/two-factor');
    await browser.get('/practitioners/sign-in/two-factor');
    expect((await browser.post('/practitioners/sign-in/two-factor', { code: currentTotp(secret) })).location).toBe('/practitioners/packs');
  });

  it('refuses an expired link, and leaves the password as it was', async () => {
    const { id } = await practitioner('expired@school.example');
    await new HttpClient(app.baseUrl).post('/practitioners/password-reset', { email: 'expired@school.example' });
    await runQueuedJobs(test.db);
    const link = await passwordResetPathFor(test.db, 'expired@school.example');
    await test.db.updateTable('one_time_token').set({ expires_at: new Date(Date.now() - 1000) }).where('practitioner_id', '=', id).execute();
    const client = new HttpClient(app.baseUrl);
    const page = await client.get(link);
    expect(pageText(page.text)).toContain('This link has expired or has been used');
    expect(page.text).toContain('href="/practitioners/password-reset"');
    const posted = await client.post(link, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(posted.status).toBe(400);
    expect(pageText(posted.text)).toContain('This link has expired or has been used');
    expect((await signIn('expired@school.example', PASSWORD)).location).toBe('/practitioners/packs');
    expect((await signIn('expired@school.example', NEW_PASSWORD)).status).toBe(400);
  });

  it('sends at most one reset email to an address every 10 minutes; a later one replaces the earlier link', async () => {
    const { id } = await practitioner('throttled@school.example');
    const client = new HttpClient(app.baseUrl);
    await client.post('/practitioners/password-reset', { email: 'throttled@school.example' });
    await runQueuedJobs(test.db);
    const firstLink = await passwordResetPathFor(test.db, 'throttled@school.example');
    const again = await client.post('/practitioners/password-reset', { email: 'THROTTLED@school.example' });
    await runQueuedJobs(test.db);
    expect(again.status).toBe(200);
    expect(pageText(again.text)).toContain('Check your email');
    expect(await mailsTo('throttled@school.example')).toHaveLength(1);
    expect(await tokensOf(id)).toHaveLength(1);
    // Registration mails are counted apart: a reset is not held up by one.
    await client.post('/practitioners/register', { email: 'throttled@school.example', organisationName: 'X', password: 'another long password 9', confirmPassword: 'another long password 9' });
    expect((await mailsTo('throttled@school.example')).map((m) => m.kind).sort()).toEqual(['practitioner-already-registered', 'practitioner-password-reset']);

    // Eleven minutes on, another goes, and only its link works.
    await test.db.updateTable('outbox_message').set({ created_at: new Date(Date.now() - 11 * 60_000) }).where('to_address', '=', 'throttled@school.example').execute();
    await client.post('/practitioners/password-reset', { email: 'throttled@school.example' });
    await runQueuedJobs(test.db);
    expect((await mailsTo('throttled@school.example')).filter((m) => m.kind === 'practitioner-password-reset')).toHaveLength(2);
    const secondLink = await passwordResetPathFor(test.db, 'throttled@school.example');
    expect(secondLink).not.toBe(firstLink);
    expect(pageText((await client.get(firstLink)).text)).toContain('This link has expired or has been used');
    expect(pageText((await client.get(secondLink)).text)).toContain('Choose a new password');
  });

  it('refuses forms from another site, and keeps practitioner and staff links apart', async () => {
    await practitioner('apart@school.example');
    const foreign = await new HttpClient(app.baseUrl).post('/practitioners/password-reset', { email: 'apart@school.example' }, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(foreign.status).toBe(403);
    expect(await mailsTo('apart@school.example')).toEqual([]);

    await new HttpClient(app.baseUrl).post('/practitioners/password-reset', { email: 'apart@school.example' });
    await runQueuedJobs(test.db);
    const link = await passwordResetPathFor(test.db, 'apart@school.example');
    const crossSite = await new HttpClient(app.baseUrl).post(link, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, { headers: { Origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    // A practitioner's link is not a staff one.
    const staffPage = await new HttpClient(app.baseUrl).get(link.replace('/practitioners/', '/staff/'));
    expect(pageText(staffPage.text)).toContain('This link has expired or has been used');
    expect(pageText((await new HttpClient(app.baseUrl).get(link)).text)).toContain('Choose a new password');
  });
});
