import { Migrator, type MigrationResultSet } from 'kysely';
import { runMigrations } from 'graphile-worker';
import { connect, poolOf, type Db } from './connection';
import type { DatabaseLocation } from './open';
import { grantAppAccess, userOf } from './roles';
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

/**
 * Migrates as the schema owner, then grants the running site's role what it may do
 * (again after every migration, so new tables are covered).
 */
export async function migrateAndGrant(location: Pick<DatabaseLocation, 'url' | 'ownerUrl'>): Promise<string[]> {
  const owner = connect(location.ownerUrl, { max: 1, applicationName: 'prevention-platform-migrate' });
  try {
    const applied = await migrateToLatest(owner);
    if (userOf(location.url) !== userOf(location.ownerUrl)) await grantAppAccess(location.ownerUrl, userOf(location.url));
    return applied;
  } finally {
    await owner.destroy();
  }
}
