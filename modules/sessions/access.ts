/**
 * Who may open a session: the case's allocated worker, or a manager of the CHOICE
 * service (as for the case itself). Anyone else is told it is not found, so a page never
 * reveals that a session exists. Every read, allowed or not, is written to the audit
 * log (as modules/referrals/access.ts does for a case).
 */
import type { ProgrammeSession } from '../../db/schema';
import { recordAudit, type Executor } from '../audit/record';
import { visibilityOf, type CaseViewer } from '../referrals/access';
import { isUuid } from '../administration/forms';


/** A session with what its pages need of its case. */
export interface SessionRecord extends ProgrammeSession {
  reference: string;
  personName: string | null;
  caseState: string;
  allocatedWorkerId: string | null;
  workerName: string;
}

/** May this person see this session (the object check, without reading anything)? */
export function maySeeSession(viewer: CaseViewer, session: { worker_id: string; allocatedWorkerId: string | null }): boolean {
  switch (visibilityOf(viewer)) {
    case 'service':
      return true;
    // The case's worker only: a worker the case was moved away from no longer sees its sessions, as they no longer see the case.
    case 'allocated':
      return viewer.staffUserId === session.allocatedWorkerId;
    default:
      return false;
  }
}

/**
 * A session as this person may see it, with the read audited (`session.read`, or the
 * action given, on the programme_session); null, and a denied row, when it is not theirs.
 */
export async function readSession(db: Executor, viewer: CaseViewer, sessionId: string, detail?: Record<string, string>): Promise<SessionRecord | null> {
  const id = sessionId.toLowerCase();
  const row = isUuid(id)
    ? await db
        .selectFrom('programme_session')
        .innerJoin('referral', 'referral.id', 'programme_session.referral_id')
        .innerJoin('staff_user as worker', 'worker.id', 'programme_session.worker_id')
        .selectAll('programme_session')
        .select(['referral.reference', 'referral.person_name', 'referral.state as case_state', 'referral.allocated_worker_id', 'worker.full_name as worker_name'])
        .where('programme_session.id', '=', id)
        .executeTakeFirst()
    : undefined;
  const record: SessionRecord | null = row
    ? (({ reference, person_name, case_state, allocated_worker_id, worker_name, ...session }) => ({
        ...session,
        reference,
        personName: person_name,
        caseState: case_state,
        allocatedWorkerId: allocated_worker_id,
        workerName: worker_name,
      }))(row)
    : null;
  const visible = record !== null && maySeeSession(viewer, record);
  await recordAudit(db, {
    actor: { staffUserId: viewer.staffUserId, organisationId: viewer.organisationId },
    action: 'session.read',
    object: { type: 'programme_session', id: id.slice(0, 100) },
    outcome: visible ? 'success' : 'denied',
    ...(detail ? { detail } : {}),
  });
  return visible ? record : null;
}
