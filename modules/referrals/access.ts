/**
 * Who may see which case: the object check behind every case page and list. A
 * referrer sees their own organisation's referrals; a programme worker, the cases
 * allocated to them; a manager of the CHOICE service, every case that has been
 * submitted (never another organisation's drafts). Anything else is "not found", so a
 * page never reveals that a case exists.
 */
import type { SelectQueryBuilder } from 'kysely';
import type { Database, OrganisationKind, Referral, StaffRole } from '../../db/schema';
import { recordAudit, type Executor } from '../audit/record';
import { roleCan, type Permission } from '../auth/permissions';
import { isUuid } from '../administration/forms';

export interface CaseViewer {
  staffUserId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  role: StaffRole;
}

export const viewerCan = (viewer: CaseViewer, permission: Permission) => roleCan(viewer.role, permission);

/** The viewer a signed-in staff member is (requireStaff's `user`). */
export const caseViewerOf = (user: { id: string; organisation_id: string; organisation_kind: OrganisationKind; role: StaffRole }): CaseViewer => ({
  staffUserId: user.id,
  organisationId: user.organisation_id,
  organisationKind: user.organisation_kind,
  role: user.role,
});

/** Which cases a person sees: every submitted one of the service, those allocated to them, their organisation's, or none. */
export type CaseVisibility = 'service' | 'allocated' | 'organisation' | 'none';

export function visibilityOf(viewer: CaseViewer): CaseVisibility {
  if (viewerCan(viewer, 'case:read:service') && viewer.organisationKind === 'choice_service') return 'service';
  if (viewerCan(viewer, 'case:read:allocated')) return 'allocated';
  if (viewerCan(viewer, 'case:read:own-organisation')) return 'organisation';
  return 'none';
}

/** Narrows a query on `referral` to the cases this person may see. */
export function onlyVisibleTo<O>(query: SelectQueryBuilder<Database, 'referral', O>, viewer: CaseViewer): SelectQueryBuilder<Database, 'referral', O> {
  switch (visibilityOf(viewer)) {
    case 'service':
      return query.where('referral.state', '!=', 'draft');
    case 'allocated':
      return query.where('referral.allocated_worker_id', '=', viewer.staffUserId);
    case 'organisation':
      return query.where('referral.organisation_id', '=', viewer.organisationId);
    case 'none':
      return query.where((eb) => eb.val(false));
  }
}

/** May this person change this case (beyond seeing it)? */
export function mayUpdate(viewer: CaseViewer, referral: Pick<Referral, 'organisation_id' | 'allocated_worker_id' | 'state'>, permission: Permission): boolean {
  if (!viewerCan(viewer, permission)) return false;
  switch (permission) {
    case 'case:create:own-organisation':
      return referral.organisation_id === viewer.organisationId;
    case 'case:screen:service':
    case 'plan:sign-off:service':
    case 'report:sign-off:service':
      return viewer.organisationKind === 'choice_service' && referral.state !== 'draft';
    case 'case:update:allocated':
      return referral.allocated_worker_id === viewer.staffUserId || (viewerCan(viewer, 'case:screen:service') && viewer.organisationKind === 'choice_service');
    default:
      return false;
  }
}

/**
 * A case as this person may see it, with the read written to the audit log; null
 * (and an audit row saying so) when it is not theirs to see.
 */
export async function readCase(db: Executor, viewer: CaseViewer, referralId: string): Promise<Referral | null> {
  const actor = { staffUserId: viewer.staffUserId, organisationId: viewer.organisationId };
  const referral = isUuid(referralId) ? await onlyVisibleTo(db.selectFrom('referral').selectAll(), viewer).where('referral.id', '=', referralId).executeTakeFirst() : undefined;
  await recordAudit(db, { actor, action: 'case.read', object: { type: 'referral', id: referralId.slice(0, 100) }, outcome: referral ? 'success' : 'denied' });
  return referral ?? null;
}

/** An active manager of the CHOICE service: the people who sign plans, sessions and reports off. */
export async function isChoiceManager(db: Executor, staffUserId: string): Promise<boolean> {
  const row = await db
    .selectFrom('staff_user')
    .innerJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
    .select('staff_user.id')
    .where('staff_user.id', '=', staffUserId)
    .where('staff_user.role', '=', 'manager')
    .where('staff_user.active', '=', true)
    .where('organisation.kind', '=', 'choice_service')
    .executeTakeFirst();
  return row !== undefined;
}
