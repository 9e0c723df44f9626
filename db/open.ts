/**
 * Where the database is: DATABASE_URL when set, otherwise a real embedded
 * PostgreSQL with its data in `.data/pg` (git-ignored).
 */
import path from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from './embedded';

export interface DatabaseLocation {
  url: string;
  /** Stops the embedded server, if this process started one. */
  stop(): Promise<void>;
  embedded: boolean;
}

export async function locateDatabase(
  env: NodeJS.ProcessEnv = process.env,
  log: (message: string) => void = () => {},
): Promise<DatabaseLocation> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, stop: async () => {}, embedded: false };
  }
  const dataDir = path.resolve(env.EMBEDDED_PG_DIR ?? '.data/pg');
  const port = Number.parseInt(env.EMBEDDED_PG_PORT ?? '54329', 10);
  const server: EmbeddedServer = await startEmbeddedPostgres({ dataDir, port });
  const database = env.EMBEDDED_PG_DATABASE ?? 'prevention';
  await ensureDatabase(server.urlFor('postgres'), database);
  log(`Embedded PostgreSQL is running on port ${port} with its data in ${path.relative(process.cwd(), dataDir)}`);
  return { url: server.urlFor(database), stop: () => server.stop(), embedded: true };
}
