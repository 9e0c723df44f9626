/**
 * The real production server (`build/server/index.js`, as `npm start` runs it) on its
 * own fresh database, with everything it logs captured for the test to read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { connect } from '../../db/connection';
import { seedDemoData } from '../../db/seed';
import { withLogin } from '../../db/roles';
import { createTestDatabase } from './database';
import { TEST_APP_PASSWORD, TEST_APP_ROLE } from './database-url';

export interface TestServer {
  baseUrl: string;
  /** Every line the server wrote to stdout and stderr so far. */
  logs: string[];
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startTestServer(options: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  if (options.seed ?? true) {
    const db = connect(database.url, { max: 1 });
    await seedDemoData(db, { NODE_ENV: 'test' });
    await db.destroy();
  }
  const logs: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [path.resolve('build/server/index.js')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      // As in a real deployment: the site as an unprivileged role, migrations as the owner.
      DATABASE_URL: withLogin(database.url, TEST_APP_ROLE, TEST_APP_PASSWORD),
      MIGRATION_DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        logs.push(line);
        const ready = /ready at (http:\/\/[^ "]+?)\/?"/.exec(line);
        if (ready?.[1]) resolve(ready[1]);
      }
    };
    child.stdout?.on('data', onLine);
    child.stderr?.on('data', onLine);
    child.on('exit', (code) => reject(new Error(`The server stopped (exit code ${code}):\n${logs.join('\n')}`)));
  });
  return {
    baseUrl,
    logs,
    databaseUrl: database.url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await database.drop();
    },
  };
}
