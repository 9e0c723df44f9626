import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../db/seed';
import { THROTTLE_LIMITS } from '../../modules/auth/throttle';
import { currentTotp } from '../../modules/auth/totp';
import { startInProcessApp } from '../support/app';
import { useTestDatabase } from '../support/database';
import { HttpClient, pageText } from '../support/http-client';

const secretOf = (html: string) => /data-testid="totp-secret">([A-Z2-7 ]+)</.exec(html)?.[1]?.replace(/\s+/g, '');
const recoveryCodesOf = (html: string) => [...html.matchAll(/<code>([A-Z0-9]{5}-[A-Z0-9]{5})<\/code>/g)].map((m) => m[1]!);

describe('staff sign-in through the site', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    app = await startInProcessApp(test.db);
  });
  afterAll(() => app?.stop());

  const auditActions = async (email: string) => {
    const rows = await test.db
      .selectFrom('audit_event')
      .innerJoin('staff_user', 'staff_user.id', 'audit_event.actor_staff_user_id')
      .select(['audit_event.action', 'audit_event.outcome'])
      .where('staff_user.email', '=', email)
      .orderBy('audit_event.id')
      .execute();
    return rows.map((r) => `${r.action}:${r.outcome}`);
  };

  it('staff pages keep the strict headers but carry no "Exit this page" control', async () => {
    const response = await new HttpClient(app.baseUrl).get('/staff/sign-in');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(response.text).not.toContain('Exit this page');
    expect(response.text).toMatch(/autoComplete="current-password"|autocomplete="current-password"/);
  });

  it('sends a signed-out visitor to sign in', async () => {
    const client = new HttpClient(app.baseUrl);
    const response = await client.get('/staff');
    expect(response.status).toBe(302);
    expect(response.location).toBe('/staff/sign-in');
  });

  it('first sign-in: password, then two-factor set-up with a server-drawn QR code, ten recovery codes, and a new session id at each step', async () => {
    const client = new HttpClient(app.baseUrl);
    await client.get('/staff/sign-in');
    const password = await client.post('/staff/sign-in', { email: 'Worker@Demo.Example ', password: DEMO_PASSWORD });
    expect(password.status).toBe(302);
    expect(password.location).toBe('/staff/sign-in/set-up-two-factor');
    expect(password.setCookie[0]).toMatch(/^choice-session=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
    const firstCookie = client.cookies.get('choice-session');

    // Half signed in: nothing else is open yet.
    expect((await client.get('/staff')).location).toBe('/staff/sign-in/set-up-two-factor');

    const setUp = await client.get('/staff/sign-in/set-up-two-factor');
    expect(setUp.status).toBe(200);
    expect(setUp.text).toContain('<svg');
    expect(setUp.text).not.toMatch(/<img[^>]+src="https?:/);
    const secret = secretOf(setUp.text)!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    secrets.set('worker@demo.example', secret);

    const wrong = await client.post('/staff/sign-in/set-up-two-factor', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(pageText(wrong.text)).toContain('The code is not right');
    expect(wrong.text).not.toContain('value="000000"');

    const done = await client.post('/staff/sign-in/set-up-two-factor', { code: currentTotp(secret) });
    expect(done.status).toBe(200);
    const codes = recoveryCodesOf(done.text);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(client.cookies.get('choice-session')).not.toBe(firstCookie);

    const home = await client.get('/staff');
    expect(home.status).toBe(200);
    expect(pageText(home.text)).toContain('Hello, Wendy Worker');

    const stored = await test.db.selectFrom('staff_recovery_code').innerJoin('staff_user', 'staff_user.id', 'staff_recovery_code.staff_user_id').select('code_hash').where('email', '=', 'worker@demo.example').execute();
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(stored.map((s) => s.code_hash)).not.toContain(code);

    expect(await auditActions('worker@demo.example')).toEqual(['sign-in.password:success', 'two-factor.enrol:failure', 'two-factor.enrol:success', 'sign-in:success']);
  });

  it('later sign-ins ask for a code from the app; a code works once; a recovery code works once', async () => {
    const secret = secrets.get('worker@demo.example')!;
    const client = new HttpClient(app.baseUrl);
    await client.get('/staff/sign-in');
    const password = await client.post('/staff/sign-in', { email: 'worker@demo.example', password: DEMO_PASSWORD });
    expect(password.location).toBe('/staff/sign-in/two-factor');
    await client.get('/staff/sign-in/two-factor');

    // The code used at set-up a moment ago is refused: a code works once.
    const replay = await client.post('/staff/sign-in/two-factor', { code: currentTotp(secret) });
    expect(replay.status).toBe(400);
    const next = await client.post('/staff/sign-in/two-factor', { code: currentTotp(secret, Date.now() + 30_000) });
    expect(next.status).toBe(302);
    expect(next.location).toBe('/staff');

    // Sign out, then in again with a recovery code made on the account page.
    await client.get('/staff/account');
    const fresh = await client.post('/staff/account', {});
    const codes = recoveryCodesOf(fresh.text);
    expect(codes).toHaveLength(10);
    await client.get('/staff/account');
    const out = await client.post('/staff/sign-out', {});
    expect(out.location).toBe('/staff/signed-out');
    expect((await client.get('/staff')).location).toBe('/staff/sign-in');

    await client.get('/staff/sign-in');
    await client.post('/staff/sign-in', { email: 'worker@demo.example', password: DEMO_PASSWORD });
    await client.get('/staff/sign-in/recovery-code');
    const recovered = await client.post('/staff/sign-in/recovery-code', { code: codes[3]!.toLowerCase() });
    expect(recovered.location).toBe('/staff/account?recovery-code-used=1');
    const account = await client.get('/staff/account?recovery-code-used=1');
    expect(pageText(account.text)).toContain('You have 9 left');

    await client.get('/staff/account');
    await client.post('/staff/sign-out', {});
    await client.get('/staff/sign-in');
    await client.post('/staff/sign-in', { email: 'worker@demo.example', password: DEMO_PASSWORD });
    await client.get('/staff/sign-in/recovery-code');
    const again = await client.post('/staff/sign-in/recovery-code', { code: codes[3]! });
    expect(again.status).toBe(400);
    expect(pageText(again.text)).toContain('has been used already');
  });

  it('a wrong password says so without saying which part was wrong, keeps the email and never echoes the password', async () => {
    const client = new HttpClient(app.baseUrl);
    const response = await client.post('/staff/sign-in', { email: 'manager@demo.example', password: 'not-the-password-xyz' });
    expect(response.status).toBe(400);
    expect(pageText(response.text)).toContain('Enter a correct email address and password');
    expect(response.text).toContain('value="manager@demo.example"');
    expect(response.text).not.toContain('not-the-password-xyz');
    expect(response.text).toContain('govuk-error-summary');
  });

  it('throttles an account after repeated failures, says when to try again, and refuses even the right password meanwhile', async () => {
    const client = new HttpClient(app.baseUrl);
    const limit = THROTTLE_LIMITS['password:account'].points;
    for (let i = 0; i < limit - 1; i++) {
      expect((await client.post('/staff/sign-in', { email: 'fiscal@demo.example', password: `wrong-${i}` })).status).toBe(400);
    }
    const last = await client.post('/staff/sign-in', { email: 'fiscal@demo.example', password: 'wrong-last' });
    expect(last.status).toBe(429);
    expect(pageText(last.text)).toMatch(/too many attempts to sign in\. Try again in 15 minutes \(at \d\d:\d\d\)/);
    const right = await client.post('/staff/sign-in', { email: 'fiscal@demo.example', password: DEMO_PASSWORD });
    expect(right.status).toBe(429);
    expect(right.location).toBeNull();
    const outcomes = await auditActions('fiscal@demo.example');
    expect(outcomes.filter((o) => o === 'sign-in.password:failure')).toHaveLength(limit);
    expect(outcomes.at(-1)).toBe('sign-in.password:denied');

    // The network address is used only as a hashed key of the throttle's own short-lived rows.
    const keys = await test.db.selectFrom('sign_in_throttle').select(['key', 'expire']).execute();
    expect(keys.length).toBeGreaterThan(0);
    for (const row of keys) {
      expect(row.key).not.toContain('127.0.0.1');
      expect(row.key).not.toContain('fiscal@');
      expect(Number(row.expire)).toBeGreaterThan(Date.now());
    }
    const audit = JSON.stringify(await test.db.selectFrom('audit_event').selectAll().execute());
    expect(audit).not.toContain('127.0.0.1');
  });

  it('refuses a staff form without the session token, or sent from another site', async () => {
    const client = new HttpClient(app.baseUrl);
    await client.post('/staff/sign-in', { email: 'worker@demo.example', password: DEMO_PASSWORD });
    await client.get('/staff/sign-in/two-factor');
    const noToken = await client.post('/staff/sign-in/two-factor', { code: '123456' }, { csrf: false });
    expect(noToken.status).toBe(403);
    const foreign = await client.post('/staff/sign-in/two-factor', { code: '123456' }, { headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
    expect(foreign.status).toBe(403);
    const foreignSignIn = await new HttpClient(app.baseUrl).post('/staff/sign-in', { email: 'worker@demo.example', password: DEMO_PASSWORD }, { headers: { Origin: 'https://evil.example' } });
    expect(foreignSignIn.status).toBe(403);
  });

  it('ends a session after the idle limit and after the absolute limit, and says why', async () => {
    const secret = secrets.get('worker@demo.example')!;
    const signIn = async () => {
      await test.db.updateTable('staff_user').set({ totp_last_step: null }).where('email', '=', 'worker@demo.example').execute();
      const client = new HttpClient(app.baseUrl);
      await client.post('/staff/sign-in', { email: 'worker@demo.example', password: DEMO_PASSWORD });
      await client.get('/staff/sign-in/two-factor');
      const response = await client.post('/staff/sign-in/two-factor', { code: currentTotp(secret) });
      expect(response.location).toBe('/staff');
      return client;
    };
    const idle = await signIn();
    await test.db.updateTable('staff_session').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).execute();
    const idleResponse = await idle.get('/staff');
    expect(idleResponse.location).toBe('/staff/signed-out?reason=idle');
    expect(pageText((await idle.get('/staff/signed-out?reason=idle')).text)).toContain('did not do anything for a while');

    const absolute = await signIn();
    await test.db.updateTable('staff_session').set({ expires_at: new Date(Date.now() - 1000) }).execute();
    expect((await absolute.get('/staff/account')).location).toBe('/staff/signed-out?reason=absolute');
  });

  it('signs out of every device at once', async () => {
    const secret = secrets.get('worker@demo.example')!;
    const devices: HttpClient[] = [];
    for (let device = 0; device < 2; device++) {
      await test.db.updateTable('staff_user').set({ totp_last_step: null }).where('email', '=', 'worker@demo.example').execute();
      const client = new HttpClient(app.baseUrl);
      await client.post('/staff/sign-in', { email: 'worker@demo.example', password: DEMO_PASSWORD });
      await client.get('/staff/sign-in/two-factor');
      await client.post('/staff/sign-in/two-factor', { code: currentTotp(secret) });
      devices.push(client);
    }
    await devices[0]!.get('/staff/account');
    const out = await devices[0]!.post('/staff/sign-out', { scope: 'everywhere' });
    expect(out.location).toBe('/staff/signed-out?reason=everywhere');
    expect((await devices[1]!.get('/staff')).location).toBe('/staff/sign-in');
    expect(await auditActions('worker@demo.example')).toContain('sign-out.everywhere:success');
  });

  it('the idle warning page does not itself keep the session alive', async () => {
    const client = new HttpClient(app.baseUrl);
    await client.post('/staff/sign-in', { email: 'manager@demo.example', password: DEMO_PASSWORD });
    await client.get('/staff/sign-in/set-up-two-factor');
    const setUp = await client.get('/staff/sign-in/set-up-two-factor');
    await client.post('/staff/sign-in/set-up-two-factor', { code: currentTotp(secretOf(setUp.text)!) });
    const before = new Date(Date.now() - 20 * 60_000);
    await test.db.updateTable('staff_session').set({ last_seen_at: before }).where('staff_user_id', 'in', (eb) => eb.selectFrom('staff_user').select('id').where('email', '=', 'manager@demo.example')).execute();
    const warning = await client.get('/staff/session-warning');
    expect(warning.status).toBe(200);
    expect(warning.text).toMatch(/http-equiv="refresh" content="\d+;url=\/staff\/signed-out\?reason=idle"/);
    expect(pageText(warning.text)).toContain('we will sign you out in about 10 minutes');
    const session = await test.db.selectFrom('staff_session').select('last_seen_at').innerJoin('staff_user', 'staff_user.id', 'staff_session.staff_user_id').where('email', '=', 'manager@demo.example').executeTakeFirstOrThrow();
    expect(new Date(session.last_seen_at).getTime()).toBe(before.getTime());
    // Other staff pages carry the browser's own timer to the warning page.
    expect((await client.get('/staff')).text).toMatch(/http-equiv="refresh" content="1680;url=\/staff\/session-warning"/);
  });
});

describe('the staff cookie over https', () => {
  const test = useTestDatabase();
  let app: Awaited<ReturnType<typeof startInProcessApp>>;
  beforeAll(async () => {
    await seedDemoData(test.db, { NODE_ENV: 'test' });
    process.env.TRUST_PROXY = '1';
    app = await startInProcessApp(test.db);
  });
  afterAll(async () => {
    delete process.env.TRUST_PROXY;
    await app?.stop();
  });

  it('is Secure and __Host- prefixed behind a TLS proxy', async () => {
    const client = new HttpClient(app.baseUrl);
    const response = await client.post('/staff/sign-in', { email: 'admin@demo.example', password: DEMO_PASSWORD }, { headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': new URL(app.baseUrl).host } });
    expect(response.status).toBe(302);
    expect(response.setCookie[0]).toMatch(/^__Host-choice-session=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
  });
});
