/**
 * Least privilege in the database. The schema belongs to an owner role, which runs the
 * migrations; the running site connects as another role that is not a superuser, owns
 * no table, and may only read and add to the audit log. So even a flaw in the site
 * cannot switch the audit log's append-only trigger off (`session_replication_role`
 * is a superuser's setting) or rewrite its rows (no UPDATE or DELETE on it).
 */
import pg from 'pg';
import { quoteIdentifier } from './embedded';

/** The running site's role on the embedded database (and the tests' one on theirs). */
export const EMBEDDED_APP_ROLE = 'prevention_app';

/** Makes (or updates) a login role with no special rights. Run by a role that may create roles. */
export async function ensureAppRole(ownerUrl: string, role: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    // A password cannot be a bound parameter in CREATE ROLE; it is made by us, base64url only.
    if (!/^[A-Za-z0-9_-]+$/.test(password)) throw new Error('The app role password must be base64url.');
    await client.query(
      `${verb} ROLE ${quoteIdentifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${password}'`,
    );
  } finally {
    await client.end();
  }
}

/**
 * What the running site may do, granted by the schema owner after every migration (so a
 * new table is covered): read and write its tables, but only read and add to the audit
 * log, and only read the migration records; and use the job queue's schema.
 */
const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

export function grantStatements(role: string): string[] {
  const r = quoteIdentifier(role);
  return [
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ${r}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON kysely_migration, kysely_migration_lock FROM ${r}`,
    `GRANT USAGE ON SCHEMA graphile_worker TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${r}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${r}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${r}`,
    // The job queue turns row-level security on for its tables with no policy, so that
    // only their owner can use them; the site's role gets a policy of its own on each.
    `DO $$ DECLARE t record; BEGIN
       FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'graphile_worker' LOOP
         EXECUTE format('DROP POLICY IF EXISTS site_role ON graphile_worker.%I', t.tablename);
         EXECUTE format('CREATE POLICY site_role ON graphile_worker.%I FOR ALL TO %I USING (true) WITH CHECK (true)', t.tablename, ${quoteLiteral(role)});
       END LOOP;
     END $$`,
  ];
}

export async function grantAppAccess(ownerUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const statement of grantStatements(role)) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export interface RoleFacts {
  role: string;
  superuser: boolean;
  ownsTables: number;
}

/** Who the site is connected as, and whether that role is more powerful than it may be. */
export async function roleFacts(url: string): Promise<RoleFacts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; superuser: boolean; owns: number }>(
      `SELECT current_user AS role, r.rolsuper OR r.rolbypassrls AS superuser,
              (SELECT count(*)::int FROM pg_tables WHERE schemaname IN ('public', 'graphile_worker') AND tableowner = current_user) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const row = rows[0]!;
    return { role: row.role, superuser: row.superuser, ownsTables: row.owns };
  } finally {
    await client.end();
  }
}

/** Why this login must not run the site, in words for the operator; null when it may. */
export function roleProblem(facts: RoleFacts): string | null {
  if (facts.superuser) {
    return `DATABASE_URL logs in as "${facts.role}", a superuser. The running site must use a role that is not a superuser: create one (see the README, "The database") and set MIGRATION_DATABASE_URL to the schema owner's login.`;
  }
  if (facts.ownsTables > 0) {
    return `DATABASE_URL logs in as "${facts.role}", which owns ${facts.ownsTables} of the site's tables. Migrations must run as the schema owner (MIGRATION_DATABASE_URL) and the site as another role that owns none (see the README, "The database").`;
  }
  return null;
}

/** The same URL, another login. */
export function withLogin(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export const userOf = (url: string) => decodeURIComponent(new URL(url).username);
