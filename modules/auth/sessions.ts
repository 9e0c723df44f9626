/**
 * Staff sessions, kept in PostgreSQL. The cookie carries only a random id; the table
 * keeps its SHA-256 hash, so reading the table opens no session. A new id is made at
 * sign-in and at every change of privilege. A session ends after a period without
 * activity (idle) and, whatever the activity, after an absolute limit.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { OrganisationKind, SessionStage, StaffUser } from '../../db/schema';
import type { Executor } from '../audit/record';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export function sessionSettings(env: NodeJS.ProcessEnv = process.env): SessionSettings {
  const number = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return { idleMinutes: number(env.STAFF_IDLE_MINUTES, 30), absoluteHours: number(env.STAFF_ABSOLUTE_HOURS, 12) };
}

export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('base64url');
/** 256 random bits: a session id or a CSRF token. */
export const randomSessionToken = () => randomBytes(32).toString('base64url');
const randomToken = randomSessionToken;

/** The absolute limit of a session that starts now. */
export const absoluteExpiry = (settings: SessionSettings, now: Date) => new Date(now.getTime() + settings.absoluteHours * 3_600_000);

/**
 * Whether a session has run out, and why: the absolute limit counts first, then the
 * idle limit from its last activity. Shared by every kind of session (staff, practitioner).
 */
export function sessionExpiry(lastSeenAt: Date | string, expiresAt: Date | string, settings: SessionSettings, now: Date) {
  const idleExpiresAt = new Date(new Date(lastSeenAt).getTime() + settings.idleMinutes * 60_000);
  const reason: 'idle' | 'absolute' | null = now >= new Date(expiresAt) ? 'absolute' : now >= idleExpiresAt ? 'idle' : null;
  return { idleExpiresAt, reason };
}

export interface NewSession {
  /** Goes in the cookie and nowhere else. */
  id: string;
  csrfToken: string;
}

export async function createSession(db: Executor, staffUserId: string, stage: SessionStage, settings: SessionSettings, now = new Date()): Promise<NewSession> {
  const id = randomToken();
  const csrfToken = randomToken();
  // Sessions nobody came back to are swept up here, so the table holds only live ones.
  await db
    .deleteFrom('staff_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', new Date(now.getTime() - settings.idleMinutes * 60_000))]))
    .execute();
  await db
    .insertInto('staff_session')
    .values({
      id_hash: hashSessionId(id),
      staff_user_id: staffUserId,
      stage,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: absoluteExpiry(settings, now),
    })
    .execute();
  return { id, csrfToken };
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired'; reason: 'idle' | 'absolute'; idHash: string }
  | { status: 'active'; idHash: string; stage: SessionStage; csrfToken: string; idleExpiresAt: Date; expiresAt: Date; user: StaffMember };

/** A staff account with the organisation it belongs to. */
export type StaffMember = StaffUser & { organisation_name: string; organisation_kind: OrganisationKind };

export async function findSession(db: Executor, id: string | undefined, settings: SessionSettings, now = new Date()): Promise<SessionLookup> {
  if (!id || id.length > 100) return { status: 'none' };
  const idHash = hashSessionId(id);
  const row = await db
    .selectFrom('staff_session')
    .innerJoin('staff_user', 'staff_user.id', 'staff_session.staff_user_id')
    .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
    .selectAll('staff_user')
    .select(['organisation.name as organisation_name', 'organisation.kind as organisation_kind', 'organisation.active as organisation_active'])
    .select(['staff_session.stage', 'staff_session.csrf_token', 'staff_session.last_seen_at', 'staff_session.expires_at'])
    .where('staff_session.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return { status: 'none' };
  const { idleExpiresAt, reason } = sessionExpiry(row.last_seen_at, row.expires_at, settings, now);
  // Reading never ends a session (the layout and the page read it at the same moment);
  // requireStaff ends an expired one. A deactivated account, or one whose organisation
  // is deactivated, has no session at all.
  if (!row.active || !row.organisation_active) return { status: 'none' };
  if (reason) return { status: 'expired', reason, idHash };
  const { stage, csrf_token, last_seen_at: _seen, expires_at, organisation_active: _active, ...user } = row;
  return { status: 'active', idHash, stage, csrfToken: csrf_token, idleExpiresAt, expiresAt: new Date(expires_at), user };
}

/** Activity keeps a session alive (only the idle clock; the absolute limit stays). */
export async function touchSession(db: Executor, idHash: string, now = new Date()): Promise<void> {
  await db.updateTable('staff_session').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
}

/** A new id for a new level of trust (after the password, after the second factor). */
export async function rotateSession(db: Executor, idHash: string, staffUserId: string, stage: SessionStage, settings: SessionSettings, now = new Date()): Promise<NewSession> {
  await db.deleteFrom('staff_session').where('id_hash', '=', idHash).execute();
  return createSession(db, staffUserId, stage, settings, now);
}

export async function endSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('staff_session').where('id_hash', '=', idHash).execute();
}

/** Sign out everywhere, or end every session of a deactivated account. */
export async function endAllSessions(db: Executor, staffUserId: string): Promise<number> {
  const result = await db.deleteFrom('staff_session').where('staff_user_id', '=', staffUserId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
