import { sql, type Kysely } from 'kysely';

// The only trace the anonymous side leaves: a weekly total per check and result band.
// No row per person, no time finer than the ISO week.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('check_completion_count')
    .addColumn('check_id', 'text', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('iso_week', 'text', (c) => c.notNull().check(sql`iso_week ~ '^[0-9]{4}-W[0-9]{2}$'`))
    .addColumn('n', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`n >= 0`))
    .addPrimaryKeyConstraint('check_completion_count_pkey', ['check_id', 'band', 'iso_week'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('check_completion_count').execute();
}
