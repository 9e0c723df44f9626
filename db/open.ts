/**
 * Where the database is: DATABASE_URL when set (with MIGRATION_DATABASE_URL for the
 * schema owner), otherwise a real embedded PostgreSQL with its data in `.data/pg`
 * (git-ignored), where the site runs as its own unprivileged role.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from './embedded';
import { EMBEDDED_APP_ROLE, ensureAppRole, withLogin } from './roles';

export interface DatabaseLocation {
  /** The running site's login. */
  url: string;
  /** The schema owner's login, which runs the migrations (the same as `url` when no other is given). */
  ownerUrl: string;
  /** Stops the embedded server, if this process started one. */
  stop(): Promise<void>;
  embedded: boolean;
}

export async function locateDatabase(
  env: NodeJS.ProcessEnv = process.env,
  log: (message: string) => void = () => {},
): Promise<DatabaseLocation> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, ownerUrl: env.MIGRATION_DATABASE_URL || env.DATABASE_URL, stop: async () => {}, embedded: false };
  }
  const dataDir = path.resolve(env.EMBEDDED_PG_DIR ?? '.data/pg');
  const port = Number.parseInt(env.EMBEDDED_PG_PORT ?? '54329', 10);
  const server: EmbeddedServer = await startEmbeddedPostgres({ dataDir, port });
  const database = env.EMBEDDED_PG_DATABASE ?? 'prevention';
  await ensureDatabase(server.urlFor('postgres'), database);
  const appPassword = readOrCreateSecret(`${dataDir}.app-password`);
  await ensureAppRole(server.urlFor('postgres'), EMBEDDED_APP_ROLE, appPassword);
  log(`Embedded PostgreSQL is running on port ${port} with its data in ${path.relative(process.cwd(), dataDir)}`);
  const ownerUrl = server.urlFor(database);
  return { url: withLogin(ownerUrl, EMBEDDED_APP_ROLE, appPassword), ownerUrl, stop: () => server.stop(), embedded: true };
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(18).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
