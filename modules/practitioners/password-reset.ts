/**
 * "I have forgotten my password" for practitioners: a single-use link by email, then a
 * new password. Like registration, the page says the same whatever address is given,
 * and an address gets at most one such email every MAIL_INTERVAL_MINUTES. Two-factor
 * authentication, if it is on, stays on: the link proves the mailbox, not the phone.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import type { Executor } from '../audit/record';
import { addJob, queueMail, SECRET_PLACEHOLDER } from '../mail/outbox';
import type { SignInThrottle, ThrottleVerdict } from '../auth/throttle';
import { issueToken, peekToken, spendToken, TOKEN_LIFETIME_MINUTES } from '../auth/one-time-tokens';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { normaliseEmail, sentRecently } from './accounts';
import { endAllPractitionerSessions } from './sessions';

const PURPOSE = 'practitioner_password_reset';
export const PASSWORD_RESET_MAIL_KIND = 'practitioner-password-reset';

function resetMail(to: string, link: string, verified: boolean) {
  return {
    to,
    kind: PASSWORD_RESET_MAIL_KIND,
    subject: 'Reset your password for the Stop It Now Scotland toolkit',
    text: [
      'Someone, probably you, asked to reset the password for this email address on the practitioner packs of the Stop It Now Scotland toolkit.',
      '',
      `To choose a new password, open this link within ${TOKEN_LIFETIME_MINUTES[PURPOSE]} minutes:`,
      link,
      '',
      ...(verified ? [] : ['Choosing a new password also confirms your email address.', '']),
      'The link works once. If you did not ask for this, you do not need to do anything: your password has not changed.',
    ].join('\n'),
  };
}

/** The job that does the work of "forgotten your password", after the page has answered. */
export const PRACTITIONER_PASSWORD_RESET_TASK = 'practitioner_password_reset';

/**
 * What the page does: counts the request against the throttle (the typed address and
 * the network address) and queues it. No account is looked up, so the answer takes
 * the same time whether or not one exists.
 */
export async function askForPasswordReset(db: Db, throttle: SignInThrottle, input: { email: string; address: string; siteUrl: string }): Promise<ThrottleVerdict> {
  const email = normaliseEmail(input.email);
  const verdict = await throttle.attempt('password-reset', { account: `practitioner:${email}`, address: input.address });
  if (verdict.status === 'open') await addJob(db, PRACTITIONER_PASSWORD_RESET_TASK, { email, siteUrl: input.siteUrl }, 3);
  return verdict;
}

/**
 * The queued work: emails a reset link if the address has an account, confirmed or
 * not. Nothing is said either way, so the page cannot be used to find out who has registered.
 */
export async function sendPasswordReset(db: Db, email: string, siteUrl: string, now = new Date()): Promise<void> {
  const address = normaliseEmail(email);
  await db.transaction().execute(async (trx) => {
    // The row lock makes two requests at once wait for each other, so only one mail goes.
    const practitioner = await trx.selectFrom('practitioner').select(['id', 'email', 'email_verified_at']).where('email', '=', address).forUpdate().executeTakeFirst();
    if (!practitioner) return;
    if (await sentRecently(trx, practitioner.email, [PASSWORD_RESET_MAIL_KIND], now)) return;
    const token = await issueToken(trx, PURPOSE, { practitionerId: practitioner.id }, now);
    await queueMail(trx, { ...resetMail(practitioner.email, `${siteUrl}/practitioners/password-reset/${SECRET_PLACEHOLDER}`, !!practitioner.email_verified_at), secret: token });
  });
}

export interface ResetLinkAccount {
  id: string;
  email: string;
  twoFactorOn: boolean;
}

/** The account a reset link belongs to, if the link is still good (it stays unused). */
export async function accountForResetLink(db: Executor, token: string | undefined, now = new Date()): Promise<ResetLinkAccount | null> {
  const valid = await peekToken(db, PURPOSE, token, now);
  if (!valid?.practitionerId) return null;
  const row = await db.selectFrom('practitioner').select(['id', 'email', 'totp_enabled_at']).where('id', '=', valid.practitionerId).executeTakeFirst();
  return row ? { id: row.id, email: row.email, twoFactorOn: !!row.totp_enabled_at } : null;
}

export type ResetResult = { status: 'saved'; twoFactorOn: boolean } | { status: 'link-not-valid' } | { status: 'weak'; message: string };

/**
 * The new password: the link is spent in the same transaction, every session of the
 * account ends, and an address not yet confirmed is confirmed (the link reached it).
 */
export async function setPasswordWithLink(db: Db, token: string | undefined, password: string, now = new Date()): Promise<ResetResult> {
  const account = await accountForResetLink(db, token, now);
  if (!account) return { status: 'link-not-valid' };
  const problem = passwordProblem(password, { email: account.email });
  if (problem) return { status: 'weak', message: problem };
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const spent = await spendToken(trx, PURPOSE, token, now);
    if (!spent || spent.practitionerId !== account.id) return { status: 'link-not-valid' as const };
    const updated = await trx
      .updateTable('practitioner')
      .set({ password_hash: passwordHash, email_verified_at: sql<Date>`coalesce(email_verified_at, ${now})` })
      .where('id', '=', account.id)
      .returning('totp_enabled_at')
      .executeTakeFirstOrThrow();
    await endAllPractitionerSessions(trx, account.id);
    return { status: 'saved' as const, twoFactorOn: !!updated.totp_enabled_at };
  });
}
