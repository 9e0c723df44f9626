/**
 * Practitioners signing in: the password, then a code from the app if they turned
 * two-factor on. The same rules as for staff: throttled per account and per network
 * address (account keys start `practitioner:`, so they never meet a staff account's),
 * a decoy hash when no account matches, and a new session id when trust rises.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection';
import type { Executor } from '../audit/record';
import { hashPassword, passwordHashNeedsRehash, verifyPassword } from '../auth/password';
import type { NewSession, SessionSettings } from '../auth/sessions';
import type { SignInThrottle, ThrottleSubject } from '../auth/throttle';
import { verifyTotp } from '../auth/totp';
import { normaliseEmail } from './accounts';
import { createPractitionerSession, endPractitionerSession, rotatePractitionerSession, type PractitionerAccount } from './sessions';

/** The throttle's account key for a practitioner (an email address or an id). */
export const practitionerThrottleKey = (account: string) => `practitioner:${account}`;

let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword(randomBytes(16).toString('hex')));

export type Blocked = { status: 'throttled'; retryAt: Date };

export interface Attempt {
  /** The network address, used only as a throttle key. */
  address: string;
  now?: Date;
}

export type PasswordStepResult = Blocked | { status: 'wrong' } | { status: 'ok'; session: NewSession; next: 'two-factor' | 'signed-in' };

export async function signInPractitioner(
  db: Db,
  throttle: SignInThrottle,
  input: { email: string; password: string } & Attempt,
  settings: SessionSettings,
): Promise<PasswordStepResult> {
  const now = input.now ?? new Date();
  const email = normaliseEmail(input.email);
  const subject: ThrottleSubject = { account: practitionerThrottleKey(email), address: input.address };
  const gate = await throttle.attempt('password', subject, now.getTime());
  if (gate.status === 'blocked') return { status: 'throttled', retryAt: gate.retryAt };

  const account = await db.selectFrom('practitioner').select(['id', 'password_hash', 'totp_enabled_at']).where('email', '=', email).executeTakeFirst();
  const matches = await verifyPassword(account ? account.password_hash : await decoy(), input.password);
  if (!account || !matches) {
    const verdict = await throttle.fail('password', subject, now.getTime());
    return verdict.status === 'blocked' ? { status: 'throttled', retryAt: verdict.retryAt } : { status: 'wrong' };
  }

  await throttle.succeed('password', subject);
  const rehash = passwordHashNeedsRehash(account.password_hash) ? await hashPassword(input.password) : null;
  return db.transaction().execute(async (trx) => {
    if (rehash) await trx.updateTable('practitioner').set({ password_hash: rehash }).where('id', '=', account.id).execute();
    const next = account.totp_enabled_at ? 'two-factor' : 'signed-in';
    const session = await createPractitionerSession(trx, account.id, next === 'two-factor' ? 'password_verified' : 'signed_in', settings, now);
    return { status: 'ok' as const, session, next };
  });
}

export interface PractitionerSessionHolder {
  idHash: string;
  practitioner: PractitionerAccount;
}


/**
 * Checks a code from the authenticator app against the throttle, and on success runs
 * `onAccepted` in the same transaction as recording the code's time step (so a code
 * works once). `secret` picks the secret to check: the one in use, or the one being set up.
 */
export async function throttledCode<T>(
  db: Db,
  throttle: SignInThrottle,
  practitionerId: string,
  code: string,
  attempt: Attempt,
  secret: 'enabled' | 'pending',
  onAccepted: (trx: Executor, step: number, now: Date) => Promise<T>,
): Promise<Blocked | { status: 'wrong' } | { status: 'ok'; value: T }> {
  const now = attempt.now ?? new Date();
  const subject: ThrottleSubject = { account: practitionerThrottleKey(practitionerId), address: attempt.address };
  const gate = await throttle.attempt('second-factor', subject, now.getTime());
  if (gate.status === 'blocked') return { status: 'throttled', retryAt: gate.retryAt };
  const accepted = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('practitioner')
      .select(['totp_secret', 'totp_enabled_at', 'totp_last_step'])
      .where('id', '=', practitionerId)
      .forUpdate()
      .executeTakeFirst();
    const usable = row?.totp_secret && (secret === 'enabled' ? !!row.totp_enabled_at : !row.totp_enabled_at);
    const step = usable ? verifyTotp(row.totp_secret!, code, secret === 'enabled' ? row.totp_last_step : null, now.getTime()) : null;
    if (step === null) return null;
    await trx.updateTable('practitioner').set({ totp_last_step: step }).where('id', '=', practitionerId).execute();
    return { value: await onAccepted(trx, step, now) };
  });
  if (accepted) {
    await throttle.succeed('second-factor', subject);
    return { status: 'ok', value: accepted.value };
  }
  const verdict = await throttle.fail('second-factor', subject, now.getTime());
  return verdict.status === 'blocked' ? { status: 'throttled', retryAt: verdict.retryAt } : { status: 'wrong' };
}

/** The second step of signing in: a code from the app, then a new session id. */
export async function verifyPractitionerSignInCode(
  db: Db,
  throttle: SignInThrottle,
  holder: PractitionerSessionHolder,
  code: string,
  attempt: Attempt,
  settings: SessionSettings,
): Promise<Blocked | { status: 'wrong' } | { status: 'ok'; session: NewSession }> {
  const result = await throttledCode(db, throttle, holder.practitioner.id, code, attempt, 'enabled', (trx, _step, now) =>
    rotatePractitionerSession(trx, holder.idHash, holder.practitioner.id, 'signed_in', settings, now),
  );
  return result.status === 'ok' ? { status: 'ok', session: result.value } : result;
}

export function signOutPractitioner(db: Db, holder: Pick<PractitionerSessionHolder, 'idHash'>): Promise<void> {
  return endPractitionerSession(db, holder.idHash);
}
