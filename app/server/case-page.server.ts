/**
 * The case page's loader and action. Both read the case through readCase (audited; a
 * case that is not this person's is "not found"). The action parses the step's form,
 * and the module checks that this person may take it on this case and moves the case;
 * a stale version comes back as what changed, with what the person typed kept.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import { caseViewerOf, readCase } from '#modules/referrals/access';
import { caseActionForm, isCasePageEvent, TEXT_FIELD, type CasePageEvent } from '#modules/referrals/case-actions';
import { casePageView } from '#modules/referrals/case-page';
import { takeCaseStep } from '#modules/referrals/case-steps';
import type { TimelineItem } from '#modules/referrals/history';
import { parseForm, readForm, type FieldErrors } from './forms.server';
import { notFound } from './http.server';
import { requireAnyStaff, siteUrl } from './staff-auth.server';

const READ_PERMISSIONS = ['case:read:own-organisation', 'case:read:allocated', 'case:read:service'] as const;

/** How long typed text may be to be kept on the page after a failed step. */
const KEEP_MAX = 10_000;

async function openCase(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const staff = await requireAnyStaff(args, READ_PERMISSIONS);
  const viewer = caseViewerOf(staff.user);
  // Ids are lower case in the database, and so in the audit log's rows about them.
  const referral = await readCase(args.context.db, viewer, (args.params.referralId ?? '').toLowerCase());
  if (!referral) notFound();
  return { viewer, referral };
}

export async function casePageLoader(args: LoaderFunctionArgs) {
  const { viewer, referral } = await openCase(args);
  const view = await casePageView(args.context.db, viewer, referral);
  const done = new URL(args.request.url).searchParams.get('done');
  return json({ ...view, done: done && isCasePageEvent(done) ? done : null });
}

export interface CaseActionData {
  step: CasePageEvent | null;
  errors: FieldErrors;
  /** What the person typed, to put back in the form. */
  values: Record<string, string>;
  conflict: { version: number; changes: TimelineItem[] } | null;
  refused: string | null;
}

function reply(data: Partial<CaseActionData> & Pick<CaseActionData, 'step' | 'values'>, status: number) {
  return json<CaseActionData>({ errors: {}, conflict: null, refused: null, ...data }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export async function casePageAction(args: ActionFunctionArgs) {
  const { viewer, referral } = await openCase(args);
  const formData = await readForm(args.request);
  const form = parseForm(formData, caseActionForm);
  const named = formData.get('event');
  const step = typeof named === 'string' && isCasePageEvent(named) ? named : null;
  const values = { ...form.values };
  const textField = step ? TEXT_FIELD[step] : undefined;
  const typed = textField ? formData.get(textField) : null;
  if (textField && typeof typed === 'string') values[textField] = typed.slice(0, KEEP_MAX);

  if (form.status === 'invalid') return reply({ step, values, errors: form.errors }, 400);
  const result = await takeCaseStep(args.context.db, viewer, referral, form.value, () => siteUrl(args.request));
  switch (result.status) {
    case 'done':
      return redirect(`/staff/referrals/${referral.id}?done=${form.value.event}`);
    case 'forbidden':
      throw json({ reason: 'forbidden' as const }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
    case 'not-found':
      return notFound();
    case 'invalid':
      return reply({ step, values, errors: { [result.field]: result.message } }, 400);
    case 'conflict':
      return reply({ step, values, conflict: { version: result.version, changes: result.changes } }, 409);
    case 'refused':
      return reply({ step, values, refused: result.message }, 409);
  }
}
