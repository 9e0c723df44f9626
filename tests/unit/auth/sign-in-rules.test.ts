import { describe, expect, it } from 'vitest';
import { staffNavigation } from '../../../app/components/staff/navigation';
import { csrfProblem } from '../../../modules/auth/csrf';
import { codeForm, newPasswordForm, signInForm } from '../../../modules/auth/forms';
import { looksLikeToken } from '../../../modules/auth/one-time-tokens';
import { roleCan } from '../../../modules/auth/permissions';
import { retryWording, THROTTLE_LIMITS } from '../../../modules/auth/throttle';

describe('the message that says when to try again', () => {
  const now = new Date('2026-11-23T14:00:00Z');
  it('gives minutes and the clock time in Scotland', () => {
    expect(retryWording(new Date('2026-11-23T14:15:00Z'), now)).toBe('in 15 minutes (at 14:15)');
    expect(retryWording(new Date('2026-11-23T14:00:20Z'), now)).toBe('in 1 minute (at 14:00)');
    expect(retryWording(new Date('2026-07-01T10:30:00Z'), new Date('2026-07-01T10:00:00Z'))).toBe('in 30 minutes (at 11:30)');
  });
  it('limits second-factor guesses more tightly than passwords', () => {
    expect(THROTTLE_LIMITS['second-factor:account'].points).toBeLessThan(THROTTLE_LIMITS['password:account'].points);
    expect(THROTTLE_LIMITS['password:address'].points).toBeGreaterThan(THROTTLE_LIMITS['password:account'].points);
  });
});

describe('sign-in forms', () => {
  it('accept a code typed with spaces and refuse anything but six digits', () => {
    expect(codeForm.safeParse({ code: ' 123 456 ' })).toMatchObject({ success: true, data: { code: '123456' } });
    for (const code of ['12345', '1234567', 'abcdef', '', '１２３４５６']) expect(codeForm.safeParse({ code }).success).toBe(false);
  });
  it('trim the email and say what is wrong with it', () => {
    expect(signInForm.safeParse({ email: ' a@b.scot ', password: 'x' })).toMatchObject({ success: true, data: { email: 'a@b.scot' } });
    const result = signInForm.safeParse({ email: 'not an email', password: '' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual(['Enter an email address in the correct format, like name@example.gov.scot', 'Enter your password']);
  });
  it('need the new password twice, the same', () => {
    expect(newPasswordForm.safeParse({ password: 'abc', confirmPassword: 'abd' }).error!.issues[0]).toMatchObject({ path: ['confirmPassword'], message: 'The passwords do not match' });
  });
});

describe('forms shown before sign-in', () => {
  const base = { method: 'POST', origin: null, secFetchSite: 'same-origin', host: 'site.example', submittedToken: null, sessionToken: null };
  it('rely on the origin checks alone', () => {
    expect(csrfProblem(base, { sessionless: true })).toBeNull();
    expect(csrfProblem({ ...base, origin: 'https://evil.example' }, { sessionless: true })).toBe('foreign-origin');
    expect(csrfProblem({ ...base, secFetchSite: 'cross-site' }, { sessionless: true })).toBe('cross-site');
    expect(csrfProblem(base)).toBe('missing-token');
  });
});

describe('single-use link tokens', () => {
  it('are 43 base64url characters and nothing else', () => {
    expect(looksLikeToken('A'.repeat(43))).toBe(true);
    for (const token of [undefined, '', 'A'.repeat(42), 'A'.repeat(44), `${'A'.repeat(42)}/`, `${'A'.repeat(42)}=`]) expect(looksLikeToken(token)).toBe(false);
  });
});

describe('the staff menu', () => {
  const menu = (role: Parameters<typeof roleCan>[0], mailbox = false) => staffNavigation((p) => roleCan(role, p), mailbox).map((i) => i.label);
  it('shows each role only the places it may go', () => {
    expect(menu('referrer')).toEqual(['Home', 'Referrals', 'Your account']);
    expect(menu('worker')).toEqual(['Home', 'Cases', 'Diary', 'Your account']);
    expect(menu('manager')).toEqual(['Home', 'Screening', 'Safeguarding', 'Cases', 'Diary', 'Programme', 'Statistics', 'Audit log', 'Your account']);
    expect(menu('admin')).toEqual(['Home', 'Audit log', 'Organisations', 'Staff accounts', 'Your account']);
    expect(menu('admin', true)).toContain('Mailbox');
    expect(menu('manager', true)).not.toContain('Mailbox');
  });
});
