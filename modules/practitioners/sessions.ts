/**
 * Practitioners' sessions, kept apart from staff sessions in their own table with the
 * same rules: the cookie carries only a random id and the table its SHA-256 hash; a
 * new id at each rise in trust; an idle limit and an absolute limit (the staff
 * settings). A practitioner session opens nothing on the staff side, which reads
 * only staff_session.
 */
import type { Practitioner, PractitionerSessionStage } from '../../db/schema';
import type { Executor } from '../audit/record';
import { absoluteExpiry, hashSessionId, randomSessionToken, sessionExpiry, type NewSession, type SessionSettings } from '../auth/sessions';

/** What a page may know about the signed-in practitioner: never the hashes or the secret. */
export type PractitionerAccount = Pick<Practitioner, 'id' | 'email' | 'organisation_name' | 'email_verified_at' | 'totp_enabled_at'>;

export type PractitionerSessionLookup =
  | { status: 'none' }
  | { status: 'expired'; reason: 'idle' | 'absolute'; idHash: string }
  | { status: 'active'; idHash: string; stage: PractitionerSessionStage; csrfToken: string; idleExpiresAt: Date; practitioner: PractitionerAccount };

export async function createPractitionerSession(
  db: Executor,
  practitionerId: string,
  stage: PractitionerSessionStage,
  settings: SessionSettings,
  now = new Date(),
): Promise<NewSession> {
  const id = randomSessionToken();
  const csrfToken = randomSessionToken();
  // Sessions nobody came back to are swept up here, so the table holds only live ones.
  await db
    .deleteFrom('practitioner_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', new Date(now.getTime() - settings.idleMinutes * 60_000))]))
    .execute();
  await db
    .insertInto('practitioner_session')
    .values({
      id_hash: hashSessionId(id),
      practitioner_id: practitionerId,
      stage,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: absoluteExpiry(settings, now),
    })
    .execute();
  return { id, csrfToken };
}

/** Reading never ends a session; the guard that finds it expired ends it. */
export async function findPractitionerSession(db: Executor, id: string | undefined, settings: SessionSettings, now = new Date()): Promise<PractitionerSessionLookup> {
  if (!id || id.length > 100) return { status: 'none' };
  const idHash = hashSessionId(id);
  const row = await db
    .selectFrom('practitioner_session')
    .innerJoin('practitioner', 'practitioner.id', 'practitioner_session.practitioner_id')
    .select(['practitioner.id', 'practitioner.email', 'practitioner.organisation_name', 'practitioner.email_verified_at', 'practitioner.totp_enabled_at'])
    .select(['practitioner_session.stage', 'practitioner_session.csrf_token', 'practitioner_session.last_seen_at', 'practitioner_session.expires_at'])
    .where('practitioner_session.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return { status: 'none' };
  const { idleExpiresAt, reason } = sessionExpiry(row.last_seen_at, row.expires_at, settings, now);
  if (reason) return { status: 'expired', reason, idHash };
  const { stage, csrf_token, last_seen_at: _seen, expires_at: _expires, ...practitioner } = row;
  return { status: 'active', idHash, stage, csrfToken: csrf_token, idleExpiresAt, practitioner };
}

/** Activity keeps a session alive (only the idle clock; the absolute limit stays). */
export async function touchPractitionerSession(db: Executor, idHash: string, now = new Date()): Promise<void> {
  await db.updateTable('practitioner_session').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
}

/** A new id for a new level of trust (after the second factor). */
export async function rotatePractitionerSession(
  db: Executor,
  idHash: string,
  practitionerId: string,
  stage: PractitionerSessionStage,
  settings: SessionSettings,
  now = new Date(),
): Promise<NewSession> {
  await db.deleteFrom('practitioner_session').where('id_hash', '=', idHash).execute();
  return createPractitionerSession(db, practitionerId, stage, settings, now);
}

export async function endPractitionerSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('practitioner_session').where('id_hash', '=', idHash).execute();
}

/** Every session of the account, ended (a new password); returns how many there were. */
export async function endAllPractitionerSessions(db: Executor, practitionerId: string): Promise<number> {
  const result = await db.deleteFrom('practitioner_session').where('practitioner_id', '=', practitionerId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
