/**
 * The staff accounts list: filters by organisation, role and status, a search by
 * name or email, sorting by column, and pages of fifty.
 */
import { sql } from 'kysely';
import { containsPattern } from '../../db/text';
import type { StaffRole } from '../../db/schema';
import type { Executor } from '../audit/record';
import { accountStatus, type AccountStatus } from './rules';

export const STAFF_PAGE_SIZE = 50;
export const STAFF_SORTS = ['name', 'email', 'organisation', 'role', 'last-sign-in'] as const;
export type StaffSort = (typeof STAFF_SORTS)[number];

export interface StaffListQuery {
  organisationId?: string;
  role?: StaffRole;
  status?: AccountStatus;
  /** Part of a name or an email address. */
  q?: string;
  sort: StaffSort;
  order: 'asc' | 'desc';
  page: number;
}

export interface StaffListRow {
  id: string;
  fullName: string;
  email: string;
  role: StaffRole;
  organisationName: string;
  organisationActive: boolean;
  status: AccountStatus;
  lastSignInAt: Date | null;
}

export async function listStaff(db: Executor, query: StaffListQuery): Promise<{ rows: StaffListRow[]; total: number }> {
  let base = db.selectFrom('staff_user').innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id');
  if (query.organisationId) base = base.where('staff_user.organisation_id', '=', query.organisationId);
  if (query.role) base = base.where('staff_user.role', '=', query.role);
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) => eb.or([eb('staff_user.full_name', 'ilike', pattern), eb('staff_user.email', 'ilike', pattern)]));
  }
  switch (query.status) {
    case 'deactivated':
      base = base.where('staff_user.active', '=', false);
      break;
    case 'invited':
      base = base.where('staff_user.active', '=', true).where('staff_user.password_hash', 'is', null);
      break;
    case 'two-factor-not-set-up':
      base = base.where('staff_user.active', '=', true).where('staff_user.password_hash', 'is not', null).where('staff_user.totp_enabled_at', 'is', null);
      break;
    case 'active':
      base = base.where('staff_user.active', '=', true).where('staff_user.password_hash', 'is not', null).where('staff_user.totp_enabled_at', 'is not', null);
      break;
  }
  const direction = query.order === 'desc' ? sql`desc` : sql`asc`;
  const column = {
    name: sql`lower(staff_user.full_name)`,
    email: sql`staff_user.email`,
    organisation: sql`lower(organisation.name)`,
    role: sql`staff_user.role`,
    'last-sign-in': sql`staff_user.last_sign_in_at`,
  }[query.sort];
  const [rows, count] = await Promise.all([
    base
      .select(['staff_user.id', 'staff_user.full_name', 'staff_user.email', 'staff_user.role', 'staff_user.active', 'staff_user.totp_enabled_at', 'staff_user.last_sign_in_at'])
      .select(['organisation.name as organisation_name', 'organisation.active as organisation_active'])
      .select(sql<boolean>`staff_user.password_hash IS NOT NULL`.as('has_password'))
      .orderBy(sql`${column} ${direction} nulls last`)
      .orderBy('staff_user.id')
      .limit(STAFF_PAGE_SIZE)
      .offset((query.page - 1) * STAFF_PAGE_SIZE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((row) => ({
      id: row.id,
      fullName: row.full_name,
      email: row.email,
      role: row.role,
      organisationName: row.organisation_name,
      organisationActive: row.organisation_active,
      status: accountStatus({ active: row.active, password_hash: row.has_password ? 'set' : null, totp_enabled_at: row.totp_enabled_at }),
      lastSignInAt: row.last_sign_in_at,
    })),
  };
}
