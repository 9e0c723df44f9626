/**
 * The staff account pages' loaders and actions: authorise first, parse with the
 * module's schema, call one module function, and turn its answer into a redirect or
 * the messages the page shows.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import { inviteStaffForm, queryObject, staffActionForm, staffListQuery, UUID_PATTERN, type StaffAction } from '#modules/administration/forms';
import { organisationChoices } from '#modules/administration/organisations';
import { ROLES_FOR_KIND } from '#modules/administration/rules';
import { changeRole, findStaffAccount, inviteStaff, resendInvitation, resetTwoFactor, setStaffActive, type AccountChangeResult } from '#modules/administration/staff-accounts';
import { listStaff, STAFF_PAGE_SIZE } from '#modules/administration/staff-list';
import { eventsAbout } from '#modules/audit/search';
import { actorOf } from '#modules/auth/sign-in';
import { ROLE_LABELS } from '~/components/staff/labels';
import { parseForm, readForm, type FieldErrors } from './forms.server';
import { notFound } from './http.server';
import { requireStaff, siteUrl } from './staff-auth.server';

const PERMISSION = 'staff:manage:any';
const accountPath = (id: string, done?: string) => `/staff/admin/staff/${id}${done ? `?done=${done}` : ''}`;

export async function staffListLoader(args: LoaderFunctionArgs) {
  await requireStaff(args, PERMISSION);
  const query = staffListQuery.parse(queryObject(new URL(args.request.url).searchParams));
  const [list, organisations] = await Promise.all([listStaff(args.context.db, query), organisationChoices(args.context.db, { includeInactive: true })]);
  return json({ ...list, query, pageSize: STAFF_PAGE_SIZE, organisations });
}

export async function inviteLoader(args: LoaderFunctionArgs) {
  await requireStaff(args, PERMISSION);
  return json({ organisations: await organisationChoices(args.context.db) });
}

export async function inviteAction(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, PERMISSION);
  const form = parseForm(await readForm(args.request), inviteStaffForm);
  if (form.status === 'invalid') return json({ errors: form.errors, values: form.values, existingId: null }, { status: 400 });
  const result = await inviteStaff(args.context.db, actorOf(staff.user), form.value, siteUrl(args.request));
  if (result.status === 'invalid') return json({ errors: result.errors as FieldErrors, values: form.values, existingId: result.existingId ?? null }, { status: 400 });
  return redirect(accountPath(result.id, 'invited'));
}

const staffUserId = (id: string | undefined) => (id && UUID_PATTERN.test(id) ? id : notFound());

export async function staffAccountLoader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, PERMISSION);
  const id = staffUserId(args.params.staffUserId);
  const account = await findStaffAccount(args.context.db, id);
  if (!account) notFound();
  return json({
    account,
    self: staff.user.id === id,
    roles: ROLES_FOR_KIND[account.organisationKind],
    events: await eventsAbout(args.context.db, 'staff_user', id),
    done: new URL(args.request.url).searchParams.get('done'),
  });
}

/** The field each action's messages belong to, so the error summary links to it. */
const FIELD: Record<StaffAction['intent'], string> = {
  'change-role': 'role',
  deactivate: 'confirmDeactivate',
  reactivate: 'reactivate',
  'reset-two-factor': 'confirmReset',
  'resend-invitation': 'resendInvitation',
};

const OWN_ACCOUNT: Record<StaffAction['intent'], string> = {
  'change-role': 'You cannot change your own role. Ask another administrator',
  deactivate: 'You cannot deactivate your own account. Ask another administrator',
  reactivate: 'You cannot reactivate your own account',
  'reset-two-factor': 'You cannot reset your own two-factor authentication here. Use a recovery code, or ask another administrator',
  'resend-invitation': 'You have already accepted your invitation',
};

const DONE: Record<StaffAction['intent'], string> = {
  'change-role': 'role-changed',
  deactivate: 'deactivated',
  reactivate: 'reactivated',
  'reset-two-factor': 'two-factor-reset',
  'resend-invitation': 'invitation-resent',
};

function run(args: ActionFunctionArgs, action: StaffAction, actor: ReturnType<typeof actorOf>, id: string): Promise<AccountChangeResult> {
  const { db } = args.context;
  switch (action.intent) {
    case 'change-role':
      return changeRole(db, actor, id, action);
    case 'deactivate':
    case 'reactivate':
      return setStaffActive(db, actor, id, action.intent === 'reactivate');
    case 'reset-two-factor':
      return resetTwoFactor(db, actor, id);
    case 'resend-invitation':
      return resendInvitation(db, actor, id, siteUrl(args.request));
  }
}

export async function staffAccountAction(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, PERMISSION);
  const id = staffUserId(args.params.staffUserId);
  const form = parseForm(await readForm(args.request), staffActionForm);
  if (form.status === 'invalid') return json({ errors: form.errors, values: form.values, conflict: null }, { status: 400 });
  const action = form.value;
  const result = await run(args, action, actorOf(staff.user), id);
  const failed = (message: string, status = 400) => json({ errors: { [FIELD[action.intent]]: message } as FieldErrors, values: form.values, conflict: null }, { status });
  switch (result.status) {
    case 'not-found':
      return notFound();
    case 'own-account':
      return failed(OWN_ACCOUNT[action.intent]);
    case 'role-does-not-fit':
      return failed(result.message);
    case 'nothing-to-do':
      return redirect(accountPath(id, `nothing-to-do-${result.reason}`));
    case 'changed-by-someone-else': {
      const { role, version } = result.current;
      const message = `This account was changed by someone else while you were editing it. Their role is now ${ROLE_LABELS[role]}. Check the role below and save again if you still want your change`;
      return json({ errors: { role: message } as FieldErrors, values: form.values, conflict: { role, version } }, { status: 409 });
    }
    case 'done':
      return redirect(accountPath(id, DONE[action.intent]));
  }
}
