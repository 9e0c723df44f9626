/**
 * Opening a case to work on it (its assessment, its plan): the role's permission
 * first (403 without it), then the case itself through readCase (audited; "not found"
 * when it is not this person's to see), then whether they may change it.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { recordAudit } from '#modules/audit/record';
import type { Permission } from '#modules/auth/permissions';
import { actorOf } from '#modules/auth/sign-in';
import { caseViewerOf, mayUpdate, readCase } from '#modules/referrals/access';
import { notFound } from './http.server';
import { requireStaff } from './staff-auth.server';

export const WORK_PERMISSION: Permission = 'case:update:allocated';

/** The refusal page, with the refusal in the audit log. */
export async function refuse(args: LoaderFunctionArgs | ActionFunctionArgs, staffUserId: string, organisationId: string, referralId: string, permission: Permission): Promise<never> {
  await recordAudit(args.context.db, {
    actor: { staffUserId, organisationId },
    action: 'access.denied',
    object: { type: 'referral', id: referralId },
    outcome: 'denied',
    detail: { permission },
  });
  throw json({ reason: 'forbidden' as const }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
}

export async function openCaseToWorkOn(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const staff = await requireStaff(args, WORK_PERMISSION);
  const viewer = caseViewerOf(staff.user);
  // Ids are lower case in the database, and so in the audit log's rows about them.
  const referral = await readCase(args.context.db, viewer, (args.params.referralId ?? '').toLowerCase());
  if (!referral) notFound();
  if (!mayUpdate(viewer, referral, WORK_PERMISSION)) await refuse(args, staff.user.id, staff.user.organisation_id, referral.id, WORK_PERMISSION);
  return { staff, viewer, referral, actor: { ...actorOf(staff.user), staffUserId: staff.user.id } };
}

export const noStore = { 'Cache-Control': 'no-store' };
