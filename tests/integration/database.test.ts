import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_STAFF, DemoDataRefusedError, seedDemoData } from '../../db/seed';
import { verifyPassword } from '../../modules/auth/password';
import { useTestDatabase } from '../support/database';

describe('the migrated database and the demo seed', () => {
  const test = useTestDatabase();

  it('starts from a migrated template with empty tables', async () => {
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`.execute(test.db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['organisation', 'staff_user']));
    const count = await test.db.selectFrom('staff_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses to create demo accounts where NODE_ENV=production', async () => {
    await expect(seedDemoData(test.db, { NODE_ENV: 'production' })).rejects.toBeInstanceOf(DemoDataRefusedError);
    const count = await test.db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('creates the demo organisations and one account per role, with argon2id hashes', async () => {
    const report = await seedDemoData(test.db, { NODE_ENV: 'development' });
    expect(report).toEqual({ organisationsCreated: DEMO_ORGANISATIONS.length, staffCreated: DEMO_STAFF.length });

    const staff = await test.db.selectFrom('staff_user').selectAll().execute();
    expect(new Set(staff.map((s) => s.role))).toEqual(new Set(['referrer', 'worker', 'manager', 'admin']));
    const fiscal = staff.find((s) => s.email === 'fiscal@demo.example')!;
    expect(fiscal.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(fiscal.password_hash!, DEMO_PASSWORD)).toBe(true);
  });

  it('changes nothing when run again', async () => {
    const before = await test.db.selectFrom('staff_user').select(['id', 'password_hash']).orderBy('id').execute();
    const report = await seedDemoData(test.db, { NODE_ENV: 'development' });
    expect(report).toEqual({ organisationsCreated: 0, staffCreated: 0 });
    expect(await test.db.selectFrom('staff_user').select(['id', 'password_hash']).orderBy('id').execute()).toEqual(before);
  });
});
