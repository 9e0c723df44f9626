import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// The referral list's search finds a reference or part of the man's name anywhere in
// it (ILIKE '%…%'). A trigram index answers that without reading every referral the
// person may see; the expression must match the one the list's query uses, word for word.
// pg_trgm is a trusted extension: the database's owner may create it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE INDEX referral_search_idx ON referral USING gin ((coalesce(person_name, '') || ' ' || reference) gin_trgm_ops)`.execute(db);
  // A search that matches many referrals is best read newest first, stopping after a page; for
  // the whole service (a manager's list) that needs the newest-first order on its own.
  await db.schema.createIndex('referral_updated_idx').on('referral').columns(['updated_at desc', 'id desc']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('referral_updated_idx').execute();
  await sql`DROP INDEX referral_search_idx`.execute(db);
  // The extension stays: other objects may have come to use it.
}
