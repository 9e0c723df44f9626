/**
 * Practitioner accounts: registration and the emailed link that confirms the address.
 * The registration page says the same thing whether or not the address already has
 * an account (that person gets an email instead), so it cannot be used to find out
 * who has registered. Practitioners are not staff: nothing here is written to the
 * staff audit log.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import type { Executor } from '../audit/record';
import { mailSentSince, queueMail, SECRET_PLACEHOLDER } from '../mail/outbox';
import { issueToken, peekToken, spendToken, TOKEN_LIFETIME_MINUTES } from '../auth/one-time-tokens';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import type { RegistrationInput } from './forms';
import type { PractitionerAccount } from './sessions';

/**
 * At most one registration email, and one password reset email, to an address in this
 * many minutes, so the forms cannot be used to flood someone's inbox.
 */
export const MAIL_INTERVAL_MINUTES = 10;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export type RegistrationResult = { status: 'check-your-email'; email: string } | { status: 'weak-password'; message: string };

const hours = (minutes: number) => `${minutes / 60} hours`;

function verificationMail(to: string, link: string, intro: string) {
  return {
    to,
    kind: 'practitioner-verification',
    subject: 'Confirm your email address for the Stop It Now Scotland toolkit',
    text: [
      intro,
      '',
      `To confirm this is your email address, open this link within ${hours(TOKEN_LIFETIME_MINUTES.practitioner_verification)}:`,
      link,
      '',
      'Once you have confirmed it, you can sign in and download the practitioner packs.',
      '',
      'If you did not register, you do not need to do anything: without the link, the account cannot be used. Everything on the toolkit is also open to everyone without an account.',
    ].join('\n'),
  };
}

/** Whether an email of one of these kinds went to this address in the last MAIL_INTERVAL_MINUTES. */
export function sentRecently(db: Executor, to: string, kinds: string[], now: Date): Promise<boolean> {
  return mailSentSince(db, to, kinds, new Date(now.getTime() - MAIL_INTERVAL_MINUTES * 60_000));
}

export async function sendVerificationLink(trx: Executor, practitioner: { id: string; email: string }, siteUrl: string, intro: string): Promise<void> {
  const token = await issueToken(trx, 'practitioner_verification', { practitionerId: practitioner.id });
  await queueMail(trx, { ...verificationMail(practitioner.email, `${siteUrl}/practitioners/verify/${SECRET_PLACEHOLDER}`, intro), secret: token });
}

/**
 * A new account, waiting for its email address to be confirmed. If the address has
 * an account already, nothing changes: that address is told so by email (with a new
 * link if it was never confirmed), and the page looks the same as for a new account.
 */
export async function registerPractitioner(db: Db, input: RegistrationInput, siteUrl: string, now = new Date()): Promise<RegistrationResult> {
  const email = normaliseEmail(input.email);
  const problem = passwordProblem(input.password, { email });
  if (problem) return { status: 'weak-password', message: problem };
  // Hashed whether or not the account is new, so the answer takes as long either way.
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('practitioner')
      .values({ email, organisation_name: input.organisationName.trim(), password_hash: passwordHash, created_at: now })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning(['id', 'email'])
      .executeTakeFirst();
    if (inserted) {
      await sendVerificationLink(trx, inserted, siteUrl, 'Thank you for registering for the practitioner packs of the Stop It Now Scotland toolkit.');
      return;
    }
    const existing = await trx.selectFrom('practitioner').select(['id', 'email', 'email_verified_at']).where('email', '=', email).executeTakeFirstOrThrow();
    if (await sentRecently(trx, email, ['practitioner-verification', 'practitioner-already-registered'], now)) return;
    if (!existing.email_verified_at) {
      await sendVerificationLink(
        trx,
        existing,
        siteUrl,
        'Someone, probably you, asked to register this email address for the Stop It Now Scotland toolkit. It is already registered, but the address has not been confirmed yet.',
      );
      return;
    }
    await queueMail(trx, {
      to: email,
      kind: 'practitioner-already-registered',
      subject: 'You already have an account for the Stop It Now Scotland toolkit',
      text: [
        'Someone, probably you, asked to register this email address for the practitioner packs of the Stop It Now Scotland toolkit.',
        '',
        'This address already has an account, so nothing has changed. You can sign in here:',
        `${siteUrl}/practitioners/sign-in`,
        '',
        'If you did not ask for this, you do not need to do anything: your account and password are as they were.',
      ].join('\n'),
    });
  });
  return { status: 'check-your-email', email };
}

/** Whether a confirmation link is still good (it stays unused). */
export async function verificationLinkIsValid(db: Executor, token: string | undefined): Promise<boolean> {
  const valid = await peekToken(db, 'practitioner_verification', token);
  return !!valid?.practitionerId;
}

export type VerificationResult = { status: 'verified' } | { status: 'link-not-valid' };

/** Spends the link and marks the address as confirmed. */
export function confirmEmail(db: Db, token: string | undefined, now = new Date()): Promise<VerificationResult> {
  return db.transaction().execute(async (trx) => {
    const spent = await spendToken(trx, 'practitioner_verification', token, now);
    if (!spent?.practitionerId) return { status: 'link-not-valid' as const };
    await trx
      .updateTable('practitioner')
      .set({ email_verified_at: sql<Date>`coalesce(email_verified_at, ${now})` })
      .where('id', '=', spent.practitionerId)
      .execute();
    return { status: 'verified' as const };
  });
}

export type ResendResult = { status: 'sent' } | { status: 'already-confirmed' } | { status: 'sent-recently' };

/** A new link, asked for by a signed-in practitioner whose address is not yet confirmed. */
export function resendVerificationLink(db: Db, practitioner: PractitionerAccount, siteUrl: string, now = new Date()): Promise<ResendResult> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('practitioner').select(['id', 'email', 'email_verified_at']).where('id', '=', practitioner.id).forUpdate().executeTakeFirstOrThrow();
    if (row.email_verified_at) return { status: 'already-confirmed' as const };
    const latest = await trx
      .selectFrom('one_time_token')
      .select('created_at')
      .where('practitioner_id', '=', row.id)
      .where('purpose', '=', 'practitioner_verification')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    // One a minute is plenty: mail can take a little while to arrive.
    if (latest && now.getTime() - new Date(latest.created_at).getTime() < 60_000) return { status: 'sent-recently' as const };
    await sendVerificationLink(trx, row, siteUrl, 'You asked for a new link to confirm your email address for the Stop It Now Scotland toolkit.');
    return { status: 'sent' as const };
  });
}
