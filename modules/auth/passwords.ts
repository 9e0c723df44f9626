/**
 * Setting a password through a single-use link: the first password of an invited
 * person, or a new one after "forgotten your password". Setting it ends every
 * session of the account, and the link cannot be used again.
 */
import type { Db } from '../../db/connection';
import type { TokenPurpose } from '../../db/schema';
import { recordAudit, type Executor } from '../audit/record';
import { addJob, mailSentSince, queueMail, SECRET_PLACEHOLDER } from '../mail/outbox';
import { issueToken, peekToken, spendToken, TOKEN_LIFETIME_MINUTES } from './one-time-tokens';
import { hashPassword } from './password';
import { passwordProblem } from './password-policy';
import { actorOf } from './sign-in';
import { endAllSessions } from './sessions';
import type { SignInThrottle, ThrottleVerdict } from './throttle';

type StaffTokenPurpose = Extract<TokenPurpose, 'invitation' | 'password_reset'>;

/** The account a link belongs to, if the link is still good. */
export async function accountForLink(db: Executor, purpose: StaffTokenPurpose, token: string | undefined) {
  const valid = await peekToken(db, purpose, token);
  if (!valid?.staffUserId) return null;
  const user = await db
    .selectFrom('staff_user')
    .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
    .select(['staff_user.id', 'staff_user.email', 'staff_user.full_name', 'staff_user.organisation_id', 'organisation.name as organisation_name'])
    .where('staff_user.id', '=', valid.staffUserId)
    .where('staff_user.active', '=', true)
    .where('organisation.active', '=', true)
    .executeTakeFirst();
  return user ?? null;
}

export type SetPasswordResult = { status: 'ok'; email: string } | { status: 'link-not-valid' } | { status: 'weak'; message: string };

export async function setPasswordWithLink(db: Db, purpose: StaffTokenPurpose, token: string | undefined, password: string): Promise<SetPasswordResult> {
  const account = await accountForLink(db, purpose, token);
  if (!account) return { status: 'link-not-valid' };
  const problem = passwordProblem(password, { email: account.email });
  if (problem) return { status: 'weak', message: problem };
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const spent = await spendToken(trx, purpose, token);
    if (!spent || spent.staffUserId !== account.id) return { status: 'link-not-valid' as const };
    await trx.updateTable('staff_user').set({ password_hash: hash, updated_at: new Date() }).where('id', '=', account.id).execute();
    const ended = await endAllSessions(trx, account.id);
    await recordAudit(trx, {
      actor: actorOf(account),
      action: purpose === 'invitation' ? 'invitation.accepted' : 'password-reset.completed',
      object: { type: 'staff_user', id: account.id },
      outcome: 'success',
      detail: { sessionsEnded: ended },
    });
    return { status: 'ok' as const, email: account.email };
  });
}

/** The job that does the work of "forgotten your password", after the page has answered. */
export const STAFF_PASSWORD_RESET_TASK = 'staff_password_reset';

/** One reset (or repeated invitation) email per account in this many minutes, however often it is asked for. */
export const RESET_MAIL_INTERVAL_MINUTES = 5;

/**
 * "Forgotten your password", as the page sees it: the request is counted against the
 * throttle (for the typed address and the network address) and queued. The account is
 * not looked up here, so the answer takes the same time whether or not it exists.
 */
export async function askForPasswordReset(
  db: Db,
  throttle: SignInThrottle,
  input: { email: string; address: string; siteUrl: string },
): Promise<ThrottleVerdict> {
  const email = input.email.trim().toLowerCase();
  const verdict = await throttle.attempt('password-reset', { account: `staff:${email}`, address: input.address });
  if (verdict.status === 'open') await addJob(db, STAFF_PASSWORD_RESET_TASK, { email, siteUrl: input.siteUrl }, 3);
  return verdict;
}

/**
 * The queued work: a link by email if the address belongs to an active account, at
 * most once every RESET_MAIL_INTERVAL_MINUTES. Nothing is said either way.
 */
export async function sendPasswordReset(db: Db, email: string, siteUrl: string, now = new Date()): Promise<void> {
  const normalised = email.trim().toLowerCase();
  await db.transaction().execute(async (trx) => {
    // The row lock makes two runs for one account wait for each other, so only one mail goes.
    const user = await trx
      .selectFrom('staff_user')
      .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
      .select(['staff_user.id', 'staff_user.organisation_id', 'staff_user.email', 'staff_user.password_hash'])
      .where('staff_user.email', '=', normalised)
      .where('staff_user.active', '=', true)
      .where('organisation.active', '=', true)
      .forUpdate('staff_user')
      .executeTakeFirst();
    if (!user) return;
    if (await mailSentSince(trx, user.email, ['password-reset', 'invitation'], new Date(now.getTime() - RESET_MAIL_INTERVAL_MINUTES * 60_000))) return;
    // Someone invited but not yet started gets their invitation again instead.
    if (!user.password_hash) {
      await sendInvitation(trx, user, siteUrl);
      return;
    }
    const token = await issueToken(trx, 'password_reset', { staffUserId: user.id });
    await queueMail(trx, {
      to: user.email,
      kind: 'password-reset',
      subject: 'Reset your password for CHOICE case management',
      text: [
        'Someone asked to reset the password for this email address on CHOICE case management.',
        '',
        `To choose a new password, open this link within ${TOKEN_LIFETIME_MINUTES.password_reset} minutes:`,
        `${siteUrl}/staff/password-reset/${SECRET_PLACEHOLDER}`,
        '',
        'The link works once. If you did not ask for this, you do not need to do anything: your password has not changed. If it keeps happening, tell your administrator.',
      ].join('\n'),
      secret: token,
    });
    await recordAudit(trx, { actor: actorOf(user), action: 'password-reset.requested', object: { type: 'staff_user', id: user.id }, outcome: 'success' });
  });
}

/** An invitation: a link to set a first password, valid for seven days. */
export async function sendInvitation(trx: Executor, user: { id: string; email: string; organisation_id: string }, siteUrl: string): Promise<void> {
  const token = await issueToken(trx, 'invitation', { staffUserId: user.id });
  await queueMail(trx, {
    to: user.email,
    kind: 'invitation',
    subject: 'You have been given an account on CHOICE case management',
    text: [
      'An administrator has made you an account on CHOICE case management.',
      '',
      'To start, open this link and choose a password. You will then set up two-factor authentication with an authenticator app on your phone.',
      `${siteUrl}/staff/invitation/${SECRET_PLACEHOLDER}`,
      '',
      'The link works once and stops working after 7 days. If it has expired, ask your administrator to send a new one.',
    ].join('\n'),
    secret: token,
  });
}
