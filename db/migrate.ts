import { Migrator, type MigrationResultSet } from 'kysely';
import type { Db } from './connection';
import { migrations } from './migrations/index';

/**
 * Brings the schema up to date. Kysely's Migrator holds an advisory lock while it
 * runs, so two processes starting together do not both migrate.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
