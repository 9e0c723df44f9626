import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Practitioners (registered toolkit readers) sign in apart from staff: their own
  // sessions table, so a practitioner's session can never be mistaken for a staff one.
  await db.schema
    .createTable('practitioner_session')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('practitioner_id', 'uuid', (c) => c.notNull().references('practitioner.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage IN ('password_verified', 'signed_in')`))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('practitioner_session_owner_idx').on('practitioner_session').column('practitioner_id').execute();
  await db.schema.alterTable('practitioner').addColumn('recovery_salt', 'text').execute();
  await db.schema.alterTable('outbox_message').addColumn('kind', 'text', (c) => c.notNull().defaultTo('general')).execute();
  await db.schema.createIndex('audit_event_action_idx').on('audit_event').columns(['action', 'occurred_at']).execute();
  await db.schema.createIndex('staff_user_organisation_name_idx').on('staff_user').columns(['organisation_id', 'full_name']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('staff_user_organisation_name_idx').execute();
  await db.schema.dropIndex('audit_event_action_idx').execute();
  await db.schema.alterTable('outbox_message').dropColumn('kind').execute();
  await db.schema.alterTable('practitioner').dropColumn('recovery_salt').execute();
  await db.schema.dropTable('practitioner_session').execute();
}
