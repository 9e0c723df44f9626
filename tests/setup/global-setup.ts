/**
 * One PostgreSQL for the whole run: DATABASE_URL when given, otherwise an embedded
 * server in `.data/test-pg`. A template database is migrated once; every test file
 * then gets its own copy (`CREATE DATABASE … TEMPLATE …`), so tests never share rows.
 */
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../../db/connection';
import { quoteIdentifier, startEmbeddedPostgres } from '../../db/embedded';
import { migrateToLatest } from '../../db/migrate';
import { ensureAppRole, grantAppAccess } from '../../db/roles';
import { adminQuery, databaseUrl, TEST_APP_PASSWORD, TEST_APP_ROLE } from '../support/database-url';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    templateDatabase: string;
    databasePrefix: string;
  }
}

export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const server = await startEmbeddedPostgres({ dataDir: path.resolve('.data/test-pg'), port: await freePort() });
    adminUrl = server.urlFor('postgres');
    stopServer = () => server.stop();
  }

  const prefix = `t${process.pid}`;
  const template = `${prefix}_template`;
  await dropDatabases(adminUrl, '^t[0-9]+_');
  await adminQuery(adminUrl, `CREATE DATABASE ${quoteIdentifier(template)}`);
  const db = connect(databaseUrl(adminUrl, template), { max: 1 });
  await migrateToLatest(db);
  await db.destroy();
  // Copies of the template carry its grants, so every test database has the site's role ready.
  await ensureAppRole(adminUrl, TEST_APP_ROLE, TEST_APP_PASSWORD);
  await grantAppAccess(databaseUrl(adminUrl, template), TEST_APP_ROLE);

  project.provide('databaseAdminUrl', adminUrl);
  project.provide('templateDatabase', template);
  project.provide('databasePrefix', prefix);

  return async () => {
    await dropDatabases(adminUrl, `^${prefix}_`);
    await stopServer();
  };
}

async function dropDatabases(adminUrl: string, pattern: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname ~ $1', [pattern]);
    // Copies first, the template last: a template cannot go while copies are being made.
    const names = found.rows.map((r) => r.datname).sort((a, b) => Number(a.endsWith('_template')) - Number(b.endsWith('_template')));
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}


function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
