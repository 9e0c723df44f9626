/**
 * Signing in, step by step: the password, then either setting up two-factor (first
 * sign-in, or after an administrator reset it) or a code from the app (or a recovery
 * code). Each step that raises trust makes a new session id. Every attempt, good or
 * bad, is written to the audit log in the same transaction as its effect; failures
 * count towards the throttle.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection';
import type { StaffUser } from '../../db/schema';
import { recordAudit, NOBODY, type AuditActor, type Executor } from '../audit/record';
import { hashPassword, passwordHashNeedsRehash, verifyPassword } from './password';
import { createSession, endAllSessions, rotateSession, type NewSession, type SessionSettings, type StaffMember } from './sessions';
import type { SignInThrottle } from './throttle';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, recoveryCodeMatches, verifyTotp } from './totp';

export const actorOf = (user: Pick<StaffUser, 'id' | 'organisation_id'>): AuditActor => ({ staffUserId: user.id, organisationId: user.organisation_id });

// Verified against when no account matches, so a wrong email takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword(randomBytes(16).toString('hex')));

export type Blocked = { status: 'throttled'; retryAt: Date };

export type PasswordStepResult =
  | Blocked
  | { status: 'wrong' }
  | { status: 'ok'; session: NewSession; next: 'enrol-two-factor' | 'two-factor' };

export interface Attempt {
  /** The network address, used only as a throttle key. */
  address: string;
  now?: Date;
}

function findSignInAccount(db: Executor, email: string) {
  return db
    .selectFrom('staff_user')
    .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
    .selectAll('staff_user')
    .select('organisation.active as organisation_active')
    .where('staff_user.email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function signInWithPassword(
  db: Db,
  throttle: SignInThrottle,
  input: { email: string; password: string } & Attempt,
  settings: SessionSettings,
): Promise<PasswordStepResult> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const subject = { account: email, address: input.address };
  const gate = await throttle.attempt('password', subject, now.getTime());
  const account = await findSignInAccount(db, email);
  const actor = account ? actorOf(account) : NOBODY;
  const object = account ? { type: 'staff_user', id: account.id } : undefined;
  if (gate.status === 'blocked') {
    await recordAudit(db, { actor, action: 'sign-in.password', object, outcome: 'denied', detail: { reason: 'throttled' } });
    return { status: 'throttled', retryAt: gate.retryAt };
  }

  const usable = account && account.active && account.organisation_active && account.password_hash;
  const matches = await verifyPassword(usable ? account.password_hash! : await decoy(), input.password);
  if (!usable || !matches) {
    const verdict = await throttle.fail('password', subject, now.getTime());
    // The typed email is not recorded when it matches no account: people type passwords into it.
    const reason = !account ? 'unknown-account' : !account.active || !account.organisation_active ? 'deactivated' : !account.password_hash ? 'no-password-yet' : 'wrong-password';
    await recordAudit(db, { actor, action: 'sign-in.password', object, outcome: 'failure', detail: { reason } });
    return verdict.status === 'blocked' ? { status: 'throttled', retryAt: verdict.retryAt } : { status: 'wrong' };
  }

  await throttle.succeed('password', subject);
  const rehash = passwordHashNeedsRehash(account.password_hash!) ? await hashPassword(input.password) : null;
  return db.transaction().execute(async (trx) => {
    if (rehash) await trx.updateTable('staff_user').set({ password_hash: rehash }).where('id', '=', account.id).execute();
    const next = account.totp_enabled_at ? 'two-factor' : 'enrol-two-factor';
    const session = await createSession(trx, account.id, next === 'two-factor' ? 'password_verified' : 'enrolling_two_factor', settings, now);
    await recordAudit(trx, { actor, action: 'sign-in.password', object, outcome: 'success', detail: { rehashed: !!rehash } });
    return { status: 'ok' as const, session, next };
  });
}

export interface SessionHolder {
  idHash: string;
  user: StaffMember;
}

export type SecondFactorResult = Blocked | { status: 'wrong' } | { status: 'ok'; session: NewSession };

async function completeSignIn(trx: Executor, holder: SessionHolder, settings: SessionSettings, now: Date, method: string): Promise<NewSession> {
  const session = await rotateSession(trx, holder.idHash, holder.user.id, 'signed_in', settings, now);
  await trx.updateTable('staff_user').set({ last_sign_in_at: now }).where('id', '=', holder.user.id).execute();
  await recordAudit(trx, { actor: actorOf(holder.user), action: 'sign-in', object: { type: 'staff_user', id: holder.user.id }, outcome: 'success', detail: { method } });
  return session;
}

/** Checks the throttle, runs the attempt, and counts a failure. */
async function throttledAttempt(
  db: Db,
  throttle: SignInThrottle,
  holder: SessionHolder,
  attempt: Attempt,
  action: string,
  tryIt: (trx: Executor, now: Date) => Promise<NewSession | null>,
): Promise<SecondFactorResult> {
  const now = attempt.now ?? new Date();
  const subject = { account: holder.user.id, address: attempt.address };
  const actor = actorOf(holder.user);
  const object = { type: 'staff_user', id: holder.user.id };
  const gate = await throttle.attempt('second-factor', subject, now.getTime());
  if (gate.status === 'blocked') {
    await recordAudit(db, { actor, action, object, outcome: 'denied', detail: { reason: 'throttled' } });
    return { status: 'throttled', retryAt: gate.retryAt };
  }
  const session = await db.transaction().execute((trx) => tryIt(trx, now));
  if (session) {
    await throttle.succeed('second-factor', subject);
    return { status: 'ok', session };
  }
  const verdict = await throttle.fail('second-factor', subject, now.getTime());
  await recordAudit(db, { actor, action, object, outcome: 'failure' });
  return verdict.status === 'blocked' ? { status: 'throttled', retryAt: verdict.retryAt } : { status: 'wrong' };
}

/** The code from the authenticator app. A code is accepted once only. */
export function verifySignInCode(db: Db, throttle: SignInThrottle, holder: SessionHolder, code: string, attempt: Attempt, settings: SessionSettings) {
  return throttledAttempt(db, throttle, holder, attempt, 'sign-in.two-factor', async (trx, now) => {
    const user = await trx.selectFrom('staff_user').select(['totp_secret', 'totp_last_step']).where('id', '=', holder.user.id).forUpdate().executeTakeFirstOrThrow();
    const step = user.totp_secret ? verifyTotp(user.totp_secret, code, user.totp_last_step, now.getTime()) : null;
    if (step === null) return null;
    await trx.updateTable('staff_user').set({ totp_last_step: step }).where('id', '=', holder.user.id).execute();
    return completeSignIn(trx, holder, settings, now, 'authenticator-app');
  });
}

/** A recovery code, for when the phone is lost. Each works once. */
export function verifyRecoveryCode(db: Db, throttle: SignInThrottle, holder: SessionHolder, code: string, attempt: Attempt, settings: SessionSettings) {
  return throttledAttempt(db, throttle, holder, attempt, 'sign-in.recovery-code', async (trx, now) => {
    const user = await trx.selectFrom('staff_user').select('recovery_salt').where('id', '=', holder.user.id).executeTakeFirstOrThrow();
    if (!user.recovery_salt) return null;
    const unused = await trx.selectFrom('staff_recovery_code').select(['id', 'code_hash']).where('staff_user_id', '=', holder.user.id).where('used_at', 'is', null).forUpdate().execute();
    const match = unused.find((row) => recoveryCodeMatches(code, user.recovery_salt!, row.code_hash));
    if (!match) return null;
    await trx.updateTable('staff_recovery_code').set({ used_at: now }).where('id', '=', match.id).execute();
    const session = await completeSignIn(trx, holder, settings, now, 'recovery-code');
    await recordAudit(trx, {
      actor: actorOf(holder.user),
      action: 'two-factor.recovery-code-used',
      object: { type: 'staff_user', id: holder.user.id },
      outcome: 'success',
      detail: { remaining: unused.length - 1 },
    });
    return session;
  });
}

/** The secret being set up: made once, kept until the first code confirms it. */
export async function pendingTotpSecret(db: Executor, user: Pick<StaffUser, 'id'>): Promise<string> {
  const row = await db.selectFrom('staff_user').select(['totp_secret', 'totp_enabled_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
  if (row.totp_enabled_at) throw new Error('Two-factor authentication is already set up for this account.');
  if (row.totp_secret) return row.totp_secret;
  const secret = newTotpSecret();
  const updated = await db
    .updateTable('staff_user')
    .set({ totp_secret: secret })
    .where('id', '=', user.id)
    .where('totp_secret', 'is', null)
    .where('totp_enabled_at', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) return secret;
  // Another tab made one first: use that.
  return pendingTotpSecret(db, user);
}

/** Makes ten new recovery codes, replacing any earlier ones; the codes are returned once and kept only as hashes. */
export async function replaceRecoveryCodes(trx: Executor, userId: string): Promise<string[]> {
  const salt = randomBytes(16).toString('base64url');
  const codes = newRecoveryCodes();
  await trx.deleteFrom('staff_recovery_code').where('staff_user_id', '=', userId).execute();
  await trx.updateTable('staff_user').set({ recovery_salt: salt }).where('id', '=', userId).execute();
  await trx
    .insertInto('staff_recovery_code')
    .values(codes.map((code) => ({ staff_user_id: userId, code_hash: hashRecoveryCode(code, salt) })))
    .execute();
  return codes;
}

export type EnrolmentResult = Blocked | { status: 'wrong' } | { status: 'ok'; session: NewSession; recoveryCodes: string[] };

/** The first code from the app proves it is set up: two-factor is on, and the person is signed in. */
export async function confirmEnrolment(db: Db, throttle: SignInThrottle, holder: SessionHolder, code: string, attempt: Attempt, settings: SessionSettings): Promise<EnrolmentResult> {
  let recoveryCodes: string[] = [];
  const result = await throttledAttempt(db, throttle, holder, attempt, 'two-factor.enrol', async (trx, now) => {
    const user = await trx.selectFrom('staff_user').select(['totp_secret', 'totp_enabled_at']).where('id', '=', holder.user.id).forUpdate().executeTakeFirstOrThrow();
    if (!user.totp_secret || user.totp_enabled_at) return null;
    const step = verifyTotp(user.totp_secret, code, null, now.getTime());
    if (step === null) return null;
    await trx.updateTable('staff_user').set({ totp_enabled_at: now, totp_last_step: step, updated_at: now }).where('id', '=', holder.user.id).execute();
    recoveryCodes = await replaceRecoveryCodes(trx, holder.user.id);
    await recordAudit(trx, { actor: actorOf(holder.user), action: 'two-factor.enrol', object: { type: 'staff_user', id: holder.user.id }, outcome: 'success' });
    return completeSignIn(trx, holder, settings, now, 'two-factor-set-up');
  });
  return result.status === 'ok' ? { ...result, recoveryCodes } : result;
}

/** Codes left unused, so the account page can say when to make new ones. */
export async function unusedRecoveryCodeCount(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('staff_recovery_code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('staff_user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** New recovery codes on request, from a signed-in person's account page. */
export function newRecoveryCodesFor(db: Db, user: StaffMember): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const codes = await replaceRecoveryCodes(trx, user.id);
    await recordAudit(trx, { actor: actorOf(user), action: 'two-factor.recovery-codes-replaced', object: { type: 'staff_user', id: user.id }, outcome: 'success' });
    return codes;
  });
}

/** Ends this session, or every session of the account ("sign out of all devices"). */
export function signOut(db: Db, holder: SessionHolder, scope: 'this-device' | 'everywhere', reason: 'chosen' | 'idle' = 'chosen'): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended =
      scope === 'everywhere'
        ? await endAllSessions(trx, holder.user.id)
        : Number((await trx.deleteFrom('staff_session').where('id_hash', '=', holder.idHash).executeTakeFirst()).numDeletedRows);
    await recordAudit(trx, {
      actor: actorOf(holder.user),
      action: scope === 'everywhere' ? 'sign-out.everywhere' : 'sign-out',
      object: { type: 'staff_user', id: holder.user.id },
      outcome: 'success',
      detail: { sessionsEnded: ended, reason },
    });
    return ended;
  });
}
