import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed';
import { currentTotp } from '../../modules/auth/totp';
import { foreignRequests, openPage, seriousAccessibilityViolations } from '../support/browser';
import { press as submit, setUpTwoFactor, showing, signInWithPassword } from '../support/staff-browser';
import { useSiteInBrowser } from '../support/e2e';

describe('staff accounts in Chromium', () => {
  // A 30-second idle limit, so the test can watch a session time out.
  const site = useSiteInBrowser({ seed: true, env: { STAFF_IDLE_MINUTES: '0.5' } });
  /** Set up in the first walk, used again in the second. */
  let adminSecret = '';

  it('JavaScript off: invite → set password → set up two-factor → idle timeout → sign in again → sign out of all devices', async () => {
    const base = site.server.baseUrl;
    const admin = await openPage(site.browser, { javaScript: false });
    await signInWithPassword(admin.page, base, 'admin@demo.example', DEMO_PASSWORD);
    adminSecret = (await setUpTwoFactor(admin.page)).secret;

    // The administrator invites a new programme worker.
    await admin.page.goto(`${base}/staff/admin/staff/invite`);
    await submit(admin.page, 'Send invitation');
    await showing(admin.page, /Invite/);
    expect(await admin.page.locator('.govuk-error-summary').textContent()).toContain('Enter');
    await admin.page.fill('#fullName', 'Nina Newcomer');
    await admin.page.fill('#email', 'nina@demo.example');
    await admin.page.selectOption('#organisationId', { label: 'CHOICE service (demo) (CHOICE service)' });
    await admin.page.check('input[name="role"][value="worker"]');
    await submit(admin.page, 'Send invitation');
    await showing(admin.page, 'Nina Newcomer');

    // No mail server here: the invitation is read from the administrators' mailbox.
    await admin.page.goto(`${base}/staff/mailbox`);
    const mailbox = (await admin.page.locator('main').textContent()) ?? '';
    const link = /http:\/\/[^\s"]+\/staff\/invitation\/[A-Za-z0-9_-]{43}/.exec(mailbox)?.[0];
    expect(link).toBeDefined();
    expect(foreignRequests(admin.requests, base)).toEqual([]);

    // Nina, on her own computer.
    const nina = await openPage(site.browser, { javaScript: false });
    await nina.page.goto(link!);
    await showing(nina.page, /Welcome, Nina Newcomer/);
    await nina.page.fill('#password', 'password1234');
    await nina.page.fill('#confirmPassword', 'password1234');
    await submit(nina.page, 'Save password');
    await showing(nina.page, /Welcome, Nina Newcomer/);
    expect(await nina.page.locator('.govuk-error-summary').textContent()).toContain('common');
    await nina.page.fill('#password', 'heather on the hills at dawn');
    await nina.page.fill('#confirmPassword', 'heather on the hills at dawn');
    await submit(nina.page, 'Save password');
    await showing(nina.page, 'Your password has been saved');
    await signInWithPassword(nina.page, base, 'nina@demo.example', 'heather on the hills at dawn');
    const { secret, recoveryCodes } = await setUpTwoFactor(nina.page);
    expect(recoveryCodes).toHaveLength(10);

    // She leaves the page alone: the browser opens the warning, then the session ends.
    await showing(nina.page, 'You will be signed out soon', 45_000);
    await showing(nina.page, 'You have been signed out', 45_000);
    expect(await nina.page.locator('main').textContent()).toContain('did not do anything for a while');

    // Back in with the app's next code; a second computer uses a recovery code.
    await signInWithPassword(nina.page, base, 'nina@demo.example', 'heather on the hills at dawn');
    await showing(nina.page, 'Enter the code from your authenticator app');
    await nina.page.fill('#code', currentTotp(secret, Date.now() + 30_000));
    await submit(nina.page, 'Sign in');
    await showing(nina.page, /^Hello, /);

    const second = await openPage(site.browser, { javaScript: false });
    await signInWithPassword(second.page, base, 'nina@demo.example', 'heather on the hills at dawn');
    await showing(second.page, 'Enter the code from your authenticator app');
    await second.page.getByRole('link', { name: 'I cannot use my authenticator app' }).click();
    await showing(second.page, 'Sign in with a recovery code');
    await second.page.fill('#code', recoveryCodes[0]!);
    await submit(second.page, 'Sign in');
    await showing(second.page, 'Your account');
    expect(await second.page.locator('main').textContent()).toContain('You have 9 left');

    await nina.page.goto(`${base}/staff/account`);
    await submit(nina.page, 'Sign out of all devices');
    await showing(nina.page, 'You have been signed out');
    expect(await nina.page.locator('main').textContent()).toContain('every other device');
    await second.page.goto(`${base}/staff/account`);
    await showing(second.page, 'Sign in to CHOICE case management');

    for (const tab of [admin, nina, second]) await tab.close();
  });

  it('JavaScript on: repeated wrong passwords are throttled with a time to try again; a deactivated account is locked out at once', async () => {
    const base = site.server.baseUrl;
    const fiscal = await openPage(site.browser, { javaScript: true });
    for (let attempt = 1; attempt <= 10; attempt++) {
      await signInWithPassword(fiscal.page, base, 'fiscal@demo.example', `wrong guess ${attempt}`);
      await fiscal.page.locator('.govuk-error-summary').waitFor();
    }
    expect(await fiscal.page.locator('.govuk-error-summary').textContent()).toMatch(/too many attempts to sign in\. Try again in 15 minutes \(at \d\d:\d\d\)/);
    await signInWithPassword(fiscal.page, base, 'fiscal@demo.example', DEMO_PASSWORD);
    await fiscal.page.locator('.govuk-error-summary').waitFor();
    expect(new URL(fiscal.page.url()).pathname).toBe('/staff/sign-in');
    await fiscal.close();

    // The worker is signed in when the administrator deactivates her account.
    const worker = await openPage(site.browser, { javaScript: true });
    await worker.page.goto(`${base}/staff/sign-in`);
    expect(await seriousAccessibilityViolations(worker.page)).toEqual([]);
    await signInWithPassword(worker.page, base, 'worker@demo.example', DEMO_PASSWORD);
    await setUpTwoFactor(worker.page, { checkAccessibility: true });
    expect(await seriousAccessibilityViolations(worker.page)).toEqual([]);

    const admin = await openPage(site.browser, { javaScript: true });
    await signInWithPassword(admin.page, base, 'admin@demo.example', DEMO_PASSWORD);
    await showing(admin.page, 'Enter the code from your authenticator app');
    // The next period's code: the current one may be the one used at set-up, and a code works once.
    await admin.page.fill('#code', currentTotp(adminSecret, Date.now() + 30_000));
    await submit(admin.page, 'Sign in');
    await showing(admin.page, /^Hello, /);
    await admin.page.goto(`${base}/staff/admin/staff`);
    await admin.page.getByRole('link', { name: 'Wendy Worker' }).click();
    await showing(admin.page, 'Wendy Worker');
    await admin.page.check('#confirmDeactivate');
    await submit(admin.page, 'Deactivate account');
    await expect.poll(() => admin.page.locator('main').textContent(), { timeout: 15_000 }).toMatch(/deactivated/i);

    // Her very next click finds her signed out, and she cannot sign back in.
    await worker.page.getByRole('link', { name: 'Your account' }).first().click();
    await showing(worker.page, 'Sign in to CHOICE case management');
    await signInWithPassword(worker.page, base, 'worker@demo.example', DEMO_PASSWORD);
    await worker.page.locator('.govuk-error-summary').waitFor();
    expect(await worker.page.locator('.govuk-error-summary').textContent()).toContain('Enter a correct email address and password');
    expect(foreignRequests([...worker.requests, ...admin.requests], base)).toEqual([]);
    await worker.close();
    await admin.close();
  });
});
