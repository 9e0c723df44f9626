/**
 * Writing the audit log. It takes the executor first, so the row is written in the
 * same transaction as the change it records: both happen, or neither does. The table
 * itself refuses UPDATE, DELETE and TRUNCATE.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AuditOutcome, Database } from '../../db/schema';

export type Executor = Kysely<Database> | Transaction<Database>;

export interface AuditActor {
  staffUserId: string | null;
  organisationId: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  /** What happened, as a dotted name: `sign-in`, `two-factor.reset`, `case.read`. */
  action: string;
  object?: { type: string; id: string };
  outcome: AuditOutcome;
  /** A few facts about the event, never personal or case details. */
  detail?: Record<string, string | number | boolean | null>;
}

export const NOBODY: AuditActor = { staffUserId: null, organisationId: null };

/**
 * Text as PostgreSQL can store it. An id or value a person typed into an address can
 * hold anything, and a refused request is audited too: the row must never fail to be
 * written, so NUL (which no PostgreSQL text or JSON value may hold) becomes U+FFFD,
 * and an id is cut to a length a real one never reaches.
 */
const storable = (value: string, max = 1_000) => value.split('\u0000').join('\uFFFD').slice(0, max);

function storableDetail(detail: NonNullable<AuditEntry['detail']>): AuditEntry['detail'] {
  return Object.fromEntries(Object.entries(detail).map(([key, value]) => [storable(key), typeof value === 'string' ? storable(value) : value]));
}

export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      actor_staff_user_id: entry.actor.staffUserId,
      actor_organisation_id: entry.actor.organisationId,
      action: entry.action,
      object_type: entry.object?.type ?? null,
      object_id: entry.object ? storable(entry.object.id, 200) : null,
      outcome: entry.outcome,
      detail: entry.detail ? JSON.stringify(storableDetail(entry.detail)) : null,
    })
    .execute();
}
