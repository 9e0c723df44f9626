import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // btree_gist lets one exclusion constraint compare the worker (=) and the time range (&&),
  // so the database itself refuses a double booking. It is a trusted extension.
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);

  // One programme session with a man: when, with whom, and (once held) what happened.
  await db.schema
    .createTable('programme_session')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('referral_id', 'uuid', (c) => c.notNull().references('referral.id'))
    .addColumn('worker_id', 'uuid', (c) => c.notNull().references('staff_user.id'))
    .addColumn('module_key', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    // The workflow, as on referral: state for queries, the persisted snapshot, its machine version, and the row version.
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('scheduled'))
    .addColumn('machine_id', 'text', (c) => c.notNull())
    .addColumn('machine_version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('topics_covered', 'text')
    .addColumn('engagement', 'text', (c) => c.check(sql`engagement IN ('full', 'partial', 'little', 'none')`))
    .addColumn('homework_set', 'text')
    .addColumn('homework_done', 'text', (c) => c.check(sql`homework_done IN ('done', 'partly', 'not_done', 'not_set')`))
    .addColumn('concerns', 'text')
    .addColumn('safeguarding_concern', 'boolean', (c) => c.notNull().defaultTo(false))
    // The worker's own notes: never shown to referrers.
    .addColumn('private_notes', 'text')
    .addColumn('absence_judgement', 'text', (c) => c.check(sql`absence_judgement IN ('acceptable', 'unacceptable')`))
    .addColumn('absence_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('programme_session_ends_after_start', sql`ends_at > starts_at`)
    .execute();
  // The worker's diary, and a case's sessions in order.
  await db.schema.createIndex('programme_session_worker_idx').on('programme_session').columns(['worker_id', 'starts_at', 'id']).execute();
  await db.schema.createIndex('programme_session_referral_idx').on('programme_session').columns(['referral_id', 'starts_at', 'id']).execute();
  // A worker cannot be in two live sessions at once; moved and cancelled sessions free the slot.
  await sql`
    ALTER TABLE programme_session ADD CONSTRAINT programme_session_no_double_booking
    EXCLUDE USING gist (worker_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
    WHERE (state IN ('scheduled', 'attended', 'notes_recorded', 'signed_off'))
  `.execute(db);

  // The session's own history, like case_event.
  await db.schema
    .createTable('session_event')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('programme_session.id').onDelete('cascade'))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_staff_user_id', 'uuid', (c) => c.references('staff_user.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_event_session_idx').on('session_event').columns(['session_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('session_event').execute();
  await db.schema.dropTable('programme_session').execute();
}
