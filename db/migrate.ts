import { Migrator, type MigrationResultSet } from 'kysely';
import { runMigrations } from 'graphile-worker';
import { poolOf, type Db } from './connection';
import { migrations } from './migrations/index';
import { quietLogger } from './quiet-logger';

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
  // The job queue (graphile-worker) keeps its own schema; it is brought up to date here
  // too, so mail can be queued in the same transaction as the change that causes it.
  await runMigrations({ pgPool: poolOf(db), logger: quietLogger });
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
