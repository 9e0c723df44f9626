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

export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      actor_staff_user_id: entry.actor.staffUserId,
      actor_organisation_id: entry.actor.organisationId,
      action: entry.action,
      object_type: entry.object?.type ?? null,
      object_id: entry.object?.id ?? null,
      outcome: entry.outcome,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}
