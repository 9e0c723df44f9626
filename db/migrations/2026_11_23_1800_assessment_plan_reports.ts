import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The worker's assessment of a case: one record per case, written over one or more
  // sessions. Structured notes, and the name and band of a validated tool if a trained
  // assessor used one; never a score the platform works out itself.
  await db.schema
    .createTable('assessment')
    .addColumn('referral_id', 'uuid', (c) => c.primaryKey().references('referral.id'))
    .addColumn('motivation', 'text')
    .addColumn('understanding', 'text')
    .addColumn('needs', 'text')
    .addColumn('risks', 'text')
    .addColumn('protective_factors', 'text')
    .addColumn('tool_name', 'text')
    .addColumn('tool_band', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by_staff_user_id', 'uuid', (c) => c.references('staff_user.id'))
    .execute();

  // The individual plan: which modules, in what order, how many sessions each, taken
  // from the programme definition in force when it was made. A manager signs it off.
  await db.schema
    .createTable('case_plan')
    .addColumn('referral_id', 'uuid', (c) => c.primaryKey().references('referral.id'))
    // [{ "key": "motivation", "title": "Motivation", "sessions": 2 }, …] in the order they will be worked through.
    .addColumn('modules', 'jsonb', (c) => c.notNull())
    .addColumn('programme_version', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft').check(sql`state IN ('draft', 'awaiting_sign_off', 'signed_off')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by_staff_user_id', 'uuid', (c) => c.references('staff_user.id'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('signed_off_at', 'timestamptz')
    .addColumn('signed_off_by_staff_user_id', 'uuid', (c) => c.references('staff_user.id'))
    .execute();

  // Reports to the referrer. The facts are read from the case when the report is made
  // and kept with it, so a signed-off report never changes; the referrer sees it only
  // once a manager has signed it off.
  await db.schema
    .createTable('report')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('referral_id', 'uuid', (c) => c.notNull().references('referral.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('programme_start', 'non_compliance', 'progress_review', 'completion', 'ended_early')`))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('awaiting_sign_off').check(sql`state IN ('awaiting_sign_off', 'signed_off')`))
    .addColumn('facts', 'jsonb', (c) => c.notNull())
    // The opening paragraph as the manager edited it; null means the programme's template.
    .addColumn('introduction', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by_staff_user_id', 'uuid', (c) => c.references('staff_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('signed_off_at', 'timestamptz')
    .addColumn('signed_off_by_staff_user_id', 'uuid', (c) => c.references('staff_user.id'))
    .execute();
  await db.schema.createIndex('report_referral_idx').on('report').columns(['referral_id', 'created_at']).execute();

  // Reminders are sent once: the day-before reminder to the worker, and the referrer's
  // "decision date is near" notice.
  await db.schema.alterTable('programme_session').addColumn('reminded_at', 'timestamptz').execute();
  await db.schema.alterTable('referral').addColumn('deadline_reminded_at', 'timestamptz').execute();
  // The outcome of a closed case, as a code for statistics (the free-text note stays in `outcome`).
  await db.schema
    .alterTable('referral')
    .addColumn('outcome_code', 'text', (c) =>
      c.check(
        sql`outcome_code IN ('declined', 'completed', 'ended_early_non_compliance', 'ended_early_withdrawn', 'ended_early_breached', 'ended_early_returned_to_referrer')`,
      ),
    )
    .execute();
  // Tomorrow's sessions, for the reminder job.
  await sql`CREATE INDEX programme_session_reminder_idx ON programme_session (starts_at) WHERE state = 'scheduled' AND reminded_at IS NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS programme_session_reminder_idx`.execute(db);
  await db.schema.alterTable('referral').dropColumn('outcome_code').execute();
  await db.schema.alterTable('referral').dropColumn('deadline_reminded_at').execute();
  await db.schema.alterTable('programme_session').dropColumn('reminded_at').execute();
  await db.schema.dropTable('report').execute();
  await db.schema.dropTable('case_plan').execute();
  await db.schema.dropTable('assessment').execute();
}
