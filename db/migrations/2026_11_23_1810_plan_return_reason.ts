import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// A manager may send an individual plan back to the worker instead of signing it off.
// The worker needs to read why, on the plan page, until the plan is sent again; the
// audit log records that it happened but never holds the words about the case.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('case_plan')
    .addColumn('returned_reason', 'text')
    .addColumn('returned_at', 'timestamptz')
    .addColumn('returned_by_staff_user_id', 'uuid', (c) => c.references('staff_user.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_plan').dropColumn('returned_by_staff_user_id').dropColumn('returned_at').dropColumn('returned_reason').execute();
}
