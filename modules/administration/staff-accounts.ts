/**
 * Staff accounts as an administrator manages them: invite, change role, deactivate
 * and reactivate, reset two-factor, send the invitation again. Each change is one
 * transaction with its audit row; deactivating and resetting two-factor end the
 * person's sessions in the same transaction, so they take effect on the next request.
 * An administrator cannot deactivate or demote themselves, nor reset their own
 * two-factor here (their account page has their own recovery codes).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import type { OrganisationKind, StaffRole } from '../../db/schema';
import { recordAudit, type AuditActor, type Executor } from '../audit/record';
import { sendInvitation } from '../auth/passwords';
import { endAllSessions } from '../auth/sessions';
import type { InviteStaffInput } from './forms';
import { accountStatus, roleMismatch, type AccountStatus } from './rules';
import { nextUpdatedAt, versionOf } from './version';

export interface StaffAccountDetails {
  id: string;
  fullName: string;
  email: string;
  role: StaffRole;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  organisationActive: boolean;
  status: AccountStatus;
  /** Two-factor has a secret, confirmed or being set up: something to reset. */
  hasTwoFactor: boolean;
  twoFactorSince: Date | null;
  createdAt: Date;
  lastSignInAt: Date | null;
  deactivatedAt: Date | null;
  activeSessions: number;
  unusedRecoveryCodes: number;
  invitationExpiresAt: Date | null;
  version: string;
}

export async function findStaffAccount(db: Executor, id: string): Promise<StaffAccountDetails | null> {
  const row = await db
    .selectFrom('staff_user')
    .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
    .select([
      'staff_user.id',
      'staff_user.full_name',
      'staff_user.email',
      'staff_user.role',
      'staff_user.organisation_id',
      'staff_user.active',
      'staff_user.totp_secret',
      'staff_user.totp_enabled_at',
      'staff_user.created_at',
      'staff_user.last_sign_in_at',
      'staff_user.deactivated_at',
    ])
    .select(['organisation.name as organisation_name', 'organisation.kind as organisation_kind', 'organisation.active as organisation_active'])
    .select(sql<boolean>`staff_user.password_hash IS NOT NULL`.as('has_password'))
    .select(versionOf('staff_user.updated_at').as('version'))
    .select(sql<number>`(SELECT count(*) FROM staff_session WHERE staff_session.staff_user_id = staff_user.id AND staff_session.stage = 'signed_in' AND staff_session.expires_at > now())::int`.as('active_sessions'))
    .select(sql<number>`(SELECT count(*) FROM staff_recovery_code WHERE staff_recovery_code.staff_user_id = staff_user.id AND used_at IS NULL)::int`.as('unused_codes'))
    .select(
      sql<Date | null>`(SELECT max(expires_at) FROM one_time_token WHERE one_time_token.staff_user_id = staff_user.id AND purpose = 'invitation' AND used_at IS NULL AND expires_at > now())`.as(
        'invitation_expires_at',
      ),
    )
    .where('staff_user.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    fullName: row.full_name,
    email: row.email,
    role: row.role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationKind: row.organisation_kind,
    organisationActive: row.organisation_active,
    status: accountStatus({ active: row.active, password_hash: row.has_password ? 'set' : null, totp_enabled_at: row.totp_enabled_at }),
    hasTwoFactor: !!row.totp_secret || !!row.totp_enabled_at,
    twoFactorSince: row.totp_enabled_at,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
    deactivatedAt: row.deactivated_at,
    activeSessions: row.active_sessions,
    unusedRecoveryCodes: row.unused_codes,
    invitationExpiresAt: row.invitation_expires_at ? new Date(row.invitation_expires_at) : null,
    version: row.version,
  };
}

export type InviteResult =
  | { status: 'invited'; id: string }
  /** Problems to show against the form's fields. */
  | { status: 'invalid'; errors: Partial<Record<keyof InviteStaffInput, string>>; existingId?: string };

export async function inviteStaff(db: Db, actor: AuditActor, input: InviteStaffInput, siteUrl: string): Promise<InviteResult> {
  return db.transaction().execute(async (trx) => {
    const organisation = await trx.selectFrom('organisation').select(['id', 'kind', 'active']).where('id', '=', input.organisationId).executeTakeFirst();
    if (!organisation || !organisation.active) return { status: 'invalid' as const, errors: { organisationId: 'Select their organisation from the list' } };
    const mismatch = roleMismatch(input.role, organisation.kind);
    if (mismatch) return { status: 'invalid' as const, errors: { role: mismatch } };
    const created = await trx
      .insertInto('staff_user')
      .values({ organisation_id: organisation.id, email: input.email, full_name: input.fullName, role: input.role })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning(['id', 'email', 'organisation_id'])
      .executeTakeFirst();
    if (!created) {
      const existing = await trx.selectFrom('staff_user').select('id').where('email', '=', input.email).executeTakeFirst();
      return { status: 'invalid' as const, errors: { email: 'There is already an account with this email address' }, existingId: existing?.id };
    }
    await sendInvitation(trx, created, siteUrl);
    await recordAudit(trx, {
      actor,
      action: 'staff.invite',
      object: { type: 'staff_user', id: created.id },
      outcome: 'success',
      detail: { role: input.role, organisationId: organisation.id },
    });
    return { status: 'invited' as const, id: created.id };
  });
}

/** Why an administrator's change to an account did not happen. */
export type AccountChangeRefusal =
  | { status: 'not-found' }
  /** Administrators cannot deactivate, demote or reset themselves here. */
  | { status: 'own-account' }
  /** Someone else already made the same change, or it makes no sense in this state. */
  | { status: 'nothing-to-do'; reason: 'already-active' | 'already-deactivated' | 'has-password' | 'no-two-factor' | 'deactivated' }
  | { status: 'role-does-not-fit'; message: string }
  | { status: 'changed-by-someone-else'; current: StaffAccountDetails };

export type AccountChangeResult = { status: 'done'; sessionsEnded: number } | AccountChangeRefusal;

const lockAccount = (trx: Executor, id: string) =>
  trx
    .selectFrom('staff_user')
    .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
    .select(['staff_user.id', 'staff_user.email', 'staff_user.organisation_id', 'staff_user.role', 'staff_user.active', 'staff_user.password_hash', 'staff_user.totp_secret', 'staff_user.totp_enabled_at'])
    .select(['organisation.kind as organisation_kind', 'organisation.active as organisation_active'])
    .select(versionOf('staff_user.updated_at').as('version'))
    .where('staff_user.id', '=', id)
    .forUpdate('staff_user')
    .executeTakeFirst();

const object = (id: string) => ({ type: 'staff_user', id });

export function changeRole(db: Db, actor: AuditActor, id: string, input: { role: StaffRole; version: string }): Promise<AccountChangeResult> {
  return db.transaction().execute(async (trx): Promise<AccountChangeResult> => {
    const account = await lockAccount(trx, id);
    if (!account) return { status: 'not-found' };
    if (account.version !== input.version) return { status: 'changed-by-someone-else', current: (await findStaffAccount(trx, id))! };
    if (account.role === input.role) return { status: 'done', sessionsEnded: 0 };
    if (actor.staffUserId === id) return { status: 'own-account' };
    const mismatch = roleMismatch(input.role, account.organisation_kind);
    if (mismatch) return { status: 'role-does-not-fit', message: mismatch };
    // A change of privilege ends the person's sessions: they sign in again, and get a new
    // session id, under the new role (permissions are read from the account on every request too).
    await trx.updateTable('staff_user').set({ role: input.role, updated_at: nextUpdatedAt() }).where('id', '=', id).execute();
    const sessionsEnded = await endAllSessions(trx, id);
    await recordAudit(trx, { actor, action: 'staff.role-change', object: object(id), outcome: 'success', detail: { from: account.role, to: input.role, sessionsEnded } });
    return { status: 'done', sessionsEnded };
  });
}

export function setStaffActive(db: Db, actor: AuditActor, id: string, active: boolean): Promise<AccountChangeResult> {
  return db.transaction().execute(async (trx): Promise<AccountChangeResult> => {
    const account = await lockAccount(trx, id);
    if (!account) return { status: 'not-found' };
    if (!active && actor.staffUserId === id) return { status: 'own-account' };
    if (account.active === active) return { status: 'nothing-to-do', reason: active ? 'already-active' : 'already-deactivated' };
    await trx
      .updateTable('staff_user')
      .set({ active, deactivated_at: active ? null : sql<Date>`now()`, updated_at: nextUpdatedAt() })
      .where('id', '=', id)
      .execute();
    const sessionsEnded = active ? 0 : await endAllSessions(trx, id);
    await recordAudit(trx, {
      actor,
      action: active ? 'staff.reactivate' : 'staff.deactivate',
      object: object(id),
      outcome: 'success',
      detail: active ? undefined : { sessionsEnded },
    });
    return { status: 'done', sessionsEnded };
  });
}

/** Clears the authenticator and recovery codes and ends every session: the next sign-in sets two-factor up again. */
export function resetTwoFactor(db: Db, actor: AuditActor, id: string): Promise<AccountChangeResult> {
  return db.transaction().execute(async (trx): Promise<AccountChangeResult> => {
    const account = await lockAccount(trx, id);
    if (!account) return { status: 'not-found' };
    if (actor.staffUserId === id) return { status: 'own-account' };
    if (!account.totp_secret && !account.totp_enabled_at) return { status: 'nothing-to-do', reason: 'no-two-factor' };
    await trx
      .updateTable('staff_user')
      .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, recovery_salt: null, updated_at: nextUpdatedAt() })
      .where('id', '=', id)
      .execute();
    const codes = await trx.deleteFrom('staff_recovery_code').where('staff_user_id', '=', id).executeTakeFirst();
    const sessionsEnded = await endAllSessions(trx, id);
    await recordAudit(trx, {
      actor,
      action: 'two-factor.reset',
      object: object(id),
      outcome: 'success',
      detail: { sessionsEnded, recoveryCodesRemoved: Number(codes.numDeletedRows), wasConfirmed: !!account.totp_enabled_at },
    });
    return { status: 'done', sessionsEnded };
  });
}

/** A new invitation link (the old one stops working), for someone who has not set a password yet. */
export function resendInvitation(db: Db, actor: AuditActor, id: string, siteUrl: string): Promise<AccountChangeResult> {
  return db.transaction().execute(async (trx): Promise<AccountChangeResult> => {
    const account = await lockAccount(trx, id);
    if (!account) return { status: 'not-found' };
    if (account.password_hash) return { status: 'nothing-to-do', reason: 'has-password' };
    if (!account.active || !account.organisation_active) return { status: 'nothing-to-do', reason: 'deactivated' };
    await sendInvitation(trx, account, siteUrl);
    await recordAudit(trx, { actor, action: 'staff.invitation-resent', object: object(id), outcome: 'success' });
    return { status: 'done', sessionsEnded: 0 };
  });
}
