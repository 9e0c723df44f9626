/**
 * What every benchmark needs: the production build, a database of its own, the real
 * server as a separate process, and autocannon to measure it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { connect, type Db } from '../db/connection';
import { ensureDatabase, quoteIdentifier, startEmbeddedPostgres } from '../db/embedded';
import { migrateAndGrant } from '../db/migrate';
import { ensureAppRole, withLogin } from '../db/roles';

const BENCH_APP_ROLE = 'prevention_bench_app';
const BENCH_APP_PASSWORD = 'bench-app-role-password';

export interface BenchDatabase {
  /** The schema owner's login (seeding, and the bench's own rules). */
  url: string;
  /** The running site's login: not a superuser, owns nothing. */
  appUrl: string;
  adminUrl: string;
  stop(): Promise<void>;
}

/** A fresh `bench` database on DATABASE_URL's server or on an embedded one in `.data/bench-pg`. */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  let adminUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({ dataDir: path.resolve('.data/bench-pg'), port: 54339 });
    adminUrl = server.urlFor('postgres');
    stop = () => server.stop();
  }
  const url = new URL(adminUrl);
  url.pathname = '/bench';
  const admin = connect(adminUrl, { max: 1 });
  await admin.destroy();
  await ensureDatabase(adminUrl, 'bench');
  await ensureAppRole(adminUrl, BENCH_APP_ROLE, BENCH_APP_PASSWORD);
  const appUrl = withLogin(url.toString(), BENCH_APP_ROLE, BENCH_APP_PASSWORD);
  await migrateAndGrant({ url: appUrl, ownerUrl: url.toString() });
  return { url: url.toString(), appUrl, adminUrl, stop };
}

export async function withDb<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = connect(url, { max: 4 });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

export { quoteIdentifier };

export interface RunningProcess {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts a Node process that prints "ready at http://…" and waits for that line. */
export function startProcess(args: string[], env: Record<string, string>): Promise<RunningProcess> {
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { NODE_ENV: 'production', PATH: process.env.PATH ?? '', ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const ready = /ready at (http:\/\/[^ "]+?)\/?["\s]/.exec(chunk.toString('utf8'));
      if (ready?.[1]) {
        resolve({
          baseUrl: ready[1],
          pid: child.pid!,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`process exited early (${code})`)));
  });
}

export function startSite(database: Pick<BenchDatabase, 'url' | 'appUrl'>): Promise<RunningProcess> {
  return startProcess([path.resolve('build/server/index.js')], {
    NODE_ENV: 'production',
    DATABASE_URL: database.appUrl,
    MIGRATION_DATABASE_URL: database.url,
    PORT: '0',
    HOST: '127.0.0.1',
  });
}

export interface Measurement {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  connections?: number;
  seconds?: number;
  /** Different requests in turn (for example different pages of a list). */
  requests?: Array<{ method?: string; path: string; body?: string; headers?: Record<string, string> }>;
}

export async function measure(name: string, url: string, options: LoadOptions = {}): Promise<Measurement> {
  const seconds = Number.parseInt(process.env.BENCH_SECONDS ?? '', 10) || options.seconds || 8;
  const base = {
    url,
    connections: options.connections ?? 10,
    method: options.method ?? 'GET',
    body: options.body,
    headers: options.headers,
    requests: options.requests,
  };
  // A short warm-up so the first connections and JIT do not count.
  await autocannon({ ...base, duration: 1 } as autocannon.Options);
  const result = await autocannon({ ...base, duration: seconds } as autocannon.Options);
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function printTable(rows: Measurement[]): void {
  const lines = rows.map((r) =>
    [r.name.padEnd(52), String(r.requestsPerSecond).padStart(8), `${r.p50} ms`.padStart(9), `${r.p99} ms`.padStart(9), r.non2xx || r.errors ? `  (${r.non2xx} non-2xx, ${r.errors} errors)` : ''].join(' '),
  );
  console.log(['scenario'.padEnd(52), 'req/s'.padStart(8), 'p50'.padStart(9), 'p99'.padStart(9)].join(' '));
  for (const line of lines) console.log(line);
}
