import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Practitioners can reset a forgotten password by an emailed link: a fourth purpose for
// single-use links. The purpose check was written inline on the column in
// 2026_11_23_1100, so PostgreSQL named it one_time_token_purpose_check.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('one_time_token').dropConstraint('one_time_token_purpose_check').execute();
  await db.schema
    .alterTable('one_time_token')
    .addCheckConstraint('one_time_token_purpose_check', sql`purpose IN ('invitation', 'password_reset', 'practitioner_verification', 'practitioner_password_reset')`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // The narrower check cannot hold these rows; they are short-lived reset links, so they go.
  await db.deleteFrom('one_time_token').where('purpose', '=', 'practitioner_password_reset').execute();
  await db.schema.alterTable('one_time_token').dropConstraint('one_time_token_purpose_check').execute();
  await db.schema
    .alterTable('one_time_token')
    .addCheckConstraint('one_time_token_purpose_check', sql`purpose IN ('invitation', 'password_reset', 'practitioner_verification')`)
    .execute();
}
