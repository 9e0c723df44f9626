import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// A safeguarding concern recorded in a session's notes opens an item that a CHOICE
// manager must acknowledge and then record what was done about (what, by or with whom,
// and on which day). Sign-off of a plan, a session or a report waits while one is open.
// Concerns already recorded before this migration open an item each, so none is lost.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('safeguarding_concern')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('referral_id', 'uuid', (c) => c.notNull().references('referral.id'))
    .addColumn('session_id', 'uuid', (c) => c.references('programme_session.id'))
    .addColumn('raised_by_staff_user_id', 'uuid', (c) => c.references('staff_user.id'))
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open').check(sql`state IN ('open', 'acknowledged', 'actioned')`))
    .addColumn('acknowledged_by_staff_user_id', 'uuid', (c) => c.references('staff_user.id'))
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('action_taken', 'text')
    .addColumn('action_by', 'text')
    .addColumn('action_on', 'date')
    .addColumn('action_recorded_by_staff_user_id', 'uuid', (c) => c.references('staff_user.id'))
    .addColumn('action_recorded_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('safeguarding_concern_referral_idx').on('safeguarding_concern').columns(['referral_id', 'raised_at']).execute();
  await sql`CREATE INDEX safeguarding_concern_open_idx ON safeguarding_concern (raised_at) WHERE state <> 'actioned'`.execute(db);
  await sql`
    INSERT INTO safeguarding_concern (referral_id, session_id, raised_at)
    SELECT referral_id, id, updated_at FROM programme_session WHERE safeguarding_concern`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('safeguarding_concern').execute();
}
