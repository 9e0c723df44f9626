import { afterAll, beforeAll, inject } from 'vitest';
import { connect, type Db } from '../../db/connection';
import { quoteIdentifier } from '../../db/embedded';
import { adminQuery, databaseUrl } from './database-url';

let counter = 0;

/** A fresh database, copied from the migrated template. */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const adminUrl = inject('databaseAdminUrl');
  const name = `${inject('databasePrefix')}_w${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}_${counter++}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(inject('templateDatabase'))}`);
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  };
}

/** For a test file: its own database for all its tests, dropped afterwards. */
export function useTestDatabase(): { readonly db: Db; readonly url: string } {
  let db: Db | undefined;
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = connect(database.url, { max: 5, applicationName: 'tests' });
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });
  return {
    get db() {
      if (!db) throw new Error('The test database is ready only inside tests and hooks.');
      return db;
    },
    get url() {
      if (!database) throw new Error('The test database is ready only inside tests and hooks.');
      return database.url;
    },
  };
}

