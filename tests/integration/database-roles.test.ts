/**
 * The attack of issue 13, finding 4: with the site's own login, switch the audit log's
 * append-only trigger off and rewrite it. The site's role cannot.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnce } from 'graphile-worker';
import { connect, poolOf } from '../../db/connection';
import { quietLogger } from '../../db/quiet-logger';
import { roleFacts, withLogin } from '../../db/roles';
import { addJob } from '../../modules/mail/outbox';
import { useTestDatabase } from '../support/database';
import { TEST_APP_PASSWORD, TEST_APP_ROLE } from '../support/database-url';
import { recordAudit } from '../../modules/audit/record';

describe("the running site's database role", () => {
  const test = useTestDatabase();
  let site: pg.Client;
  beforeAll(async () => {
    await recordAudit(test.db, { actor: { staffUserId: null, organisationId: null }, action: 'test.written', outcome: 'success' });
    site = new pg.Client({ connectionString: withLogin(test.url, TEST_APP_ROLE, TEST_APP_PASSWORD) });
    await site.connect();
  });
  afterAll(() => site?.end());

  const refused = async (statement: string) => {
    await site.query('BEGIN');
    try {
      await expect(site.query(statement)).rejects.toThrow(/permission denied|must be owner/);
    } finally {
      await site.query('ROLLBACK');
    }
  };

  it('is not a superuser and owns no table', async () => {
    expect(await roleFacts(withLogin(test.url, TEST_APP_ROLE, TEST_APP_PASSWORD))).toEqual({ role: TEST_APP_ROLE, superuser: false, ownsTables: 0 });
  });

  it('cannot switch triggers off, not even for its own transaction', async () => {
    await refused('SET LOCAL session_replication_role = replica');
    await refused('ALTER TABLE audit_event DISABLE TRIGGER ALL');
  });

  it('can add to the audit log and read it, but never change or remove a row', async () => {
    const before = await site.query('SELECT count(*)::int AS n FROM audit_event');
    expect(before.rows[0].n).toBeGreaterThan(0);
    await refused('DELETE FROM audit_event');
    await refused("UPDATE audit_event SET action = 'forged'");
    await refused('TRUNCATE audit_event');
    const after = await test.db.selectFrom('audit_event').select(['action']).execute();
    expect(after.map((row) => row.action)).toEqual(['test.written']);
  });

  it('can use the job queue: add a job, and run it, as the server does', async () => {
    const db = connect(withLogin(test.url, TEST_APP_ROLE, TEST_APP_PASSWORD), { max: 2 });
    try {
      const ran: unknown[] = [];
      await addJob(db, 'role_test', { hello: 'world' });
      await runOnce({ pgPool: poolOf(db), logger: quietLogger, taskList: { role_test: async (payload) => void ran.push(payload) } });
      expect(ran).toEqual([{ hello: 'world' }]);
    } finally {
      await db.destroy();
    }
  });

  it('cannot change the schema or the record of migrations', async () => {
    await refused('CREATE TABLE intruder (id int)');
    await refused('DROP TABLE referral');
    await refused("DELETE FROM kysely_migration");
  });
});

describe('a production start', () => {
  const test = useTestDatabase();

  it('refuses a superuser login for the running site, saying what to do', async () => {
    const child = spawn(process.execPath, [path.resolve('build/server/index.js')], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: test.url, PORT: '0', HOST: '127.0.0.1', SITE_URL: 'http://127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('a superuser');
    expect(output).toContain('MIGRATION_DATABASE_URL');
    expect(output).not.toContain('is ready at');
  });
});
