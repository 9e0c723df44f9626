/**
 * Who a manager may allocate a case to, and how many cases each already has: the
 * active programme workers and managers of the CHOICE service, with their caseload
 * (cases allocated to them that are not yet completed, ended or closed).
 */
import { sql } from 'kysely';
import type { StaffRole } from '../../db/schema';
import type { Executor } from '../audit/record';
import type { CaseState } from './case-machine';

/** The states in which a case counts towards its worker's caseload. */
export const CASELOAD_STATES = ['allocated', 'assessment', 'in_programme'] as const satisfies readonly CaseState[];

export interface Caseload {
  staffUserId: string;
  fullName: string;
  role: StaffRole;
  cases: number;
}

export async function caseloads(db: Executor, organisationId: string): Promise<Caseload[]> {
  const rows = await db
    .selectFrom('staff_user')
    .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
    .select(['staff_user.id', 'staff_user.full_name', 'staff_user.role'])
    .select(
      sql<number>`(SELECT count(*) FROM referral WHERE referral.allocated_worker_id = staff_user.id AND referral.state IN (${sql.join(CASELOAD_STATES.map((state) => sql.lit(state)))}))::int`.as(
        'cases',
      ),
    )
    .where('staff_user.organisation_id', '=', organisationId)
    .where('organisation.kind', '=', 'choice_service')
    .where('organisation.active', '=', true)
    .where('staff_user.active', '=', true)
    .where('staff_user.role', 'in', ['worker', 'manager'])
    .orderBy('staff_user.full_name')
    .orderBy('staff_user.id')
    .execute();
  return rows.map((row) => ({ staffUserId: row.id, fullName: row.full_name, role: row.role, cases: row.cases }));
}

/** One person's caseload line: "2 cases", "No cases". */
export const caseloadText = (cases: number) => (cases === 0 ? 'No cases' : cases === 1 ? '1 case' : `${cases} cases`);
