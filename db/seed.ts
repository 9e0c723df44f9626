/**
 * Demo data for a newcomer's machine: the organisations of a small pilot area and
 * one account per staff role. Running it twice changes nothing. It never creates
 * demo accounts where NODE_ENV=production.
 */
import { hashPassword } from '../modules/auth/password';
import type { Db } from './connection';
import type { OrganisationKind, StaffRole } from './schema';

export const DEMO_PASSWORD = 'choice-demo-passphrase';

export const DEMO_ORGANISATIONS: ReadonlyArray<{ name: string; kind: OrganisationKind }> = [
  { name: 'COPFS Edinburgh (demo)', kind: 'copfs_office' },
  { name: 'City of Edinburgh Justice Social Work (demo)', kind: 'justice_social_work' },
  { name: 'Glasgow City Justice Social Work (demo)', kind: 'justice_social_work' },
  { name: 'CHOICE service (demo)', kind: 'choice_service' },
];

export const DEMO_STAFF: ReadonlyArray<{ email: string; fullName: string; role: StaffRole; organisation: string }> = [
  { email: 'fiscal@demo.example', fullName: 'Fiona Fiscal', role: 'referrer', organisation: 'COPFS Edinburgh (demo)' },
  {
    email: 'socialworker.edinburgh@demo.example',
    fullName: 'Sam Social Worker',
    role: 'referrer',
    organisation: 'City of Edinburgh Justice Social Work (demo)',
  },
  {
    email: 'socialworker.glasgow@demo.example',
    fullName: 'Gina Glasgow',
    role: 'referrer',
    organisation: 'Glasgow City Justice Social Work (demo)',
  },
  { email: 'worker@demo.example', fullName: 'Wendy Worker', role: 'worker', organisation: 'CHOICE service (demo)' },
  { email: 'manager@demo.example', fullName: 'Morag Manager', role: 'manager', organisation: 'CHOICE service (demo)' },
  { email: 'admin@demo.example', fullName: 'Adam Admin', role: 'admin', organisation: 'CHOICE service (demo)' },
];

export class DemoDataRefusedError extends Error {
  constructor() {
    super('Demo accounts are never created where NODE_ENV=production.');
    this.name = 'DemoDataRefusedError';
  }
}

export interface SeedReport {
  organisationsCreated: number;
  staffCreated: number;
}

export async function seedDemoData(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<SeedReport> {
  if (env.NODE_ENV === 'production') throw new DemoDataRefusedError();
  // Hash outside the transaction: argon2 is deliberately slow.
  const existing = new Set(
    (await db.selectFrom('staff_user').select('email').where('email', 'in', DEMO_STAFF.map((s) => s.email)).execute()).map(
      (row) => row.email,
    ),
  );
  const passwordHash = existing.size < DEMO_STAFF.length ? await hashPassword(DEMO_PASSWORD) : null;

  return db.transaction().execute(async (trx) => {
    let organisationsCreated = 0;
    const organisationIds = new Map<string, string>();
    for (const organisation of DEMO_ORGANISATIONS) {
      const found = await trx.selectFrom('organisation').select('id').where('name', '=', organisation.name).executeTakeFirst();
      if (found) {
        organisationIds.set(organisation.name, found.id);
        continue;
      }
      const created = await trx.insertInto('organisation').values(organisation).returning('id').executeTakeFirstOrThrow();
      organisationIds.set(organisation.name, created.id);
      organisationsCreated++;
    }

    let staffCreated = 0;
    for (const person of DEMO_STAFF) {
      if (existing.has(person.email) || !passwordHash) continue;
      const result = await trx
        .insertInto('staff_user')
        .values({
          email: person.email,
          full_name: person.fullName,
          role: person.role,
          organisation_id: organisationIds.get(person.organisation)!,
          password_hash: passwordHash,
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .executeTakeFirst();
      staffCreated += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return { organisationsCreated, staffCreated };
  });
}
