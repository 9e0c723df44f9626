/**
 * The referrer's pages around the form: the list of referrals, starting a new one, and
 * the confirmation after sending. Authorise first; then one module call; then the page.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect, safePath } from './redirect.server';
import type { Referral } from '#db/schema';
import { actorOf } from '#modules/auth/sign-in';
import type { Permission } from '#modules/auth/permissions';
import { caseViewerOf, mayUpdate, readCase, type CaseViewer } from '#modules/referrals/access';
import { ROUTES_FOR_ORGANISATION } from '#modules/referrals/eligibility';
import { listParams, listReferrals, parseListQuery, statusGroupsFor } from '#modules/referrals/list';
import { audienceOf, caseStatus } from '#modules/referrals/status';
import { createDraftReferral, type TransitionActor } from '#modules/referrals/transitions';
import { notFound } from './http.server';
import { requireAnyStaff, requireStaff, type StaffContext } from './staff-auth.server';

/** Anyone who reads cases of any kind has a list: referrers, workers and managers. */
export const LIST_PERMISSIONS: readonly Permission[] = ['case:read:own-organisation', 'case:read:allocated', 'case:read:service'];
export const CREATE_PERMISSION: Permission = 'case:create:own-organisation';

/** The person acting on a case, for its event and audit rows. */
export const transitionActor = (staff: StaffContext): TransitionActor => ({ staffUserId: staff.user.id, organisationId: staff.user.organisation_id });

export const referralPath = (id: string, page?: string) => `/staff/referrals/${id}${page ? `/${page}` : ''}`;

export async function referralListLoader(args: LoaderFunctionArgs) {
  const staff = await requireAnyStaff(args, LIST_PERMISSIONS);
  const viewer = caseViewerOf(staff.user);
  const url = new URL(args.request.url);
  const query = parseListQuery(url.searchParams);
  const page = await listReferrals(args.context.db, viewer, actorOf(staff.user), query);
  const canCreate = staff.can(CREATE_PERMISSION);
  const audience = audienceOf(staff.user.role);
  const link = (key: 'after' | 'before', cursor: string | null) => {
    if (!cursor) return null;
    const params = listParams(query);
    params.set(key, cursor);
    return safePath(`/staff/referrals?${params}`, '/staff/referrals');
  };
  const saved = url.searchParams.get('saved');
  return json(
    {
      rows: page.rows.map((row) => ({
        id: row.id,
        reference: row.reference,
        personName: row.personName,
        route: row.route,
        organisationName: row.organisationName,
        updatedAt: row.updatedAt.toISOString(),
        decisionDate: row.decisionDate,
        status: caseStatus(row.state, audience, row.endReason),
        // A draft opens where it is finished; anything sent, on its case page.
        href: row.state === 'draft' && canCreate ? referralPath(row.id, 'check-answers') : referralPath(row.id),
      })),
      previous: link('before', page.previous),
      next: link('after', page.next),
      query: { status: query.status ?? '', q: query.q ?? '' },
      groups: statusGroupsFor(viewer),
      audience,
      canCreate,
      showOrganisation: !staff.can('case:read:own-organisation'),
      saved: saved && /^CH-\d{1,9}$/.test(saved) ? saved : null,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export async function newReferralLoader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, CREATE_PERMISSION);
  return json({ routes: ROUTES_FOR_ORGANISATION[staff.user.organisation_kind], organisationKind: staff.user.organisation_kind });
}

export async function newReferralAction(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, CREATE_PERMISSION);
  if (!ROUTES_FOR_ORGANISATION[staff.user.organisation_kind].length) notFound();
  const draft = await createDraftReferral(args.context.db, transitionActor(staff));
  return redirect(referralPath(draft.id, 'details/person'));
}

/**
 * A referral of the referrer's own organisation, read (and the read audited) for one
 * of its pages; "not found" for anything else, so a page never says a case exists.
 */
export async function ownReferral(args: LoaderFunctionArgs | ActionFunctionArgs): Promise<{ staff: StaffContext; viewer: CaseViewer; referral: Referral }> {
  const staff = await requireStaff(args, CREATE_PERMISSION);
  const viewer = caseViewerOf(staff.user);
  const referral = await readCase(args.context.db, viewer, args.params.referralId ?? '');
  if (!referral || !mayUpdate(viewer, referral, CREATE_PERMISSION)) notFound();
  return { staff, viewer, referral };
}

export async function confirmationLoader(args: LoaderFunctionArgs) {
  const { referral } = await ownReferral(args);
  if (referral.state === 'draft') throw redirect(referralPath(referral.id, 'check-answers'));
  return json({ id: referral.id, reference: referral.reference, route: referral.route, decisionDate: referral.decision_date, flagged: referral.eligibility_flags.length > 0 });
}
