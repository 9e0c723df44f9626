/**
 * The referral form's pages: one section a page, then check your answers and send.
 * Each request reads the referral as the referrer may see it (audited), parses the
 * post with the section's schema, saves through the module at the version the page
 * showed, and answers with a redirect, or the page again with the messages and
 * everything that was typed.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import type { Referral } from '#db/schema';
import { dayInScotland } from '#modules/referrals/dates';
import { EDITABLE_STATES, saveReferralDetails } from '#modules/referrals/details';
import { ROUTES_FOR_ORGANISATION } from '#modules/referrals/eligibility';
import {
  consentAnswersFor,
  firstValue,
  formInput,
  isReferralSection,
  nextSection,
  readSection,
  REFERRAL_SECTIONS,
  sectionPostForm,
  sectionValuesFrom,
  type FormContext,
  type FormInput,
  type ReferralSection,
} from '#modules/referrals/forms';
import { describeChanges, reviewReferral, submitForm, submitReferral, type ChangeLine } from '#modules/referrals/submission';
import { CaseConflictError, type TransitionActor } from '#modules/referrals/transitions';
import type { CaseState } from '#modules/referrals/case-machine';
import type { Executor } from '#modules/audit/record';
import { readForm } from './forms.server';
import { notFound } from './http.server';
import { ownReferral, referralPath, transitionActor } from './referrals.server';
import type { StaffContext } from './staff-auth.server';

const formContext = (staff: StaffContext, referral: Referral): FormContext => ({
  today: dayInScotland(),
  organisationKind: staff.user.organisation_kind,
  route: referral.route,
});

const isEditable = (referral: Referral) => EDITABLE_STATES.includes(referral.state as CaseState);

/** A referral the referrer may still change; a sent one opens on its case page instead. */
async function editableReferral(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const found = await ownReferral(args);
  if (!isEditable(found.referral)) throw redirect(referralPath(found.referral.id));
  return found;
}

function sectionParam(value: string | undefined): ReferralSection {
  if (!isReferralSection(value)) notFound();
  return value;
}

const referralSummary = (referral: Referral) => ({ id: referral.id, reference: referral.reference, state: referral.state, version: referral.version });

export async function sectionLoader(args: LoaderFunctionArgs) {
  const { staff, referral } = await editableReferral(args);
  const section = sectionParam(args.params.section);
  return json({
    referral: referralSummary(referral),
    section,
    number: REFERRAL_SECTIONS.indexOf(section) + 1,
    values: sectionValuesFrom(section, referral),
    route: referral.route,
    routes: ROUTES_FOR_ORGANISATION[staff.user.organisation_kind],
    consentAnswers: consentAnswersFor(referral.route),
    referrerEmail: staff.user.email,
    returnTo: new URL(args.request.url).searchParams.get('return') === 'check-answers' ? ('check-answers' as const) : null,
  });
}

interface Problem {
  errors: Record<string, string>;
  values: FormInput;
  /** The version the page should carry from now on. */
  version: number;
  conflict: ChangeLine[] | null;
  /** Some answers were saved ("Save and come back later" with others still wrong). */
  savedSome: boolean;
}

const problem = (status: number, body: Problem) => json(body, { status });

const conflictLines = (db: Executor, error: CaseConflictError, actor: TransitionActor) => describeChanges(db, error.changes, actor.staffUserId);

export async function sectionAction(args: ActionFunctionArgs) {
  const { staff, referral } = await editableReferral(args);
  const section = sectionParam(args.params.section);
  const { db } = args.context;
  const input = formInput(await readForm(args.request));
  const ctx = formContext(staff, referral);
  const post = sectionPostForm.safeParse({ version: firstValue(input, 'version'), intent: firstValue(input, 'intent'), returnTo: firstValue(input, 'returnTo') });
  const mode = post.success && post.data.intent === 'save-later' ? 'draft' : 'complete';
  const reading = readSection(section, input, ctx, mode);
  if (!post.success) {
    const message = post.error.issues[0]?.message ?? 'This page is out of date. Reload it and try again';
    return problem(400, { errors: { ...reading.errors, version: message }, values: reading.values, version: referral.version, conflict: null, savedSome: false });
  }
  if (mode === 'complete' && !reading.valid) {
    return problem(400, { errors: reading.errors, values: reading.values, version: post.data.version, conflict: null, savedSome: false });
  }

  let version = post.data.version;
  const actor = transitionActor(staff);
  if (Object.keys(reading.details).length) {
    try {
      version = (await saveReferralDetails(db, { referralId: referral.id, expectedVersion: post.data.version, details: reading.details, section, actor })).version;
    } catch (error) {
      if (!(error instanceof CaseConflictError)) throw error;
      // Their answers stay on the page with the newest version: saving again is their choice, made knowing what changed.
      return problem(409, { errors: reading.errors, values: reading.values, version: error.current.version, conflict: await conflictLines(db, error, actor), savedSome: false });
    }
  }
  if (!reading.valid) {
    return problem(400, { errors: reading.errors, values: reading.values, version, conflict: null, savedSome: Object.keys(reading.details).length > 0 });
  }
  if (mode === 'draft') return redirect(`/staff/referrals?saved=${encodeURIComponent(referral.reference)}`);
  const next = post.data.returnTo ? null : nextSection(section);
  return redirect(next ? referralPath(referral.id, `details/${next}`) : referralPath(referral.id, 'check-answers'));
}

export async function checkAnswersLoader(args: LoaderFunctionArgs) {
  const { staff, referral } = await ownReferral(args);
  if (!isEditable(referral)) throw redirect(referralPath(referral.id));
  return json({
    referral: referralSummary(referral),
    review: reviewReferral(referral, formContext(staff, referral)),
    reason: referral.eligibility_reason ?? '',
    organisationName: staff.user.organisation_name,
    referrerName: staff.user.full_name,
    referrerEmail: staff.user.email,
  });
}

interface SubmitProblem {
  errors: Record<string, string>;
  reason: string;
  version: number;
  conflict: ChangeLine[] | null;
}

export async function checkAnswersAction(args: ActionFunctionArgs) {
  const { staff, referral } = await editableReferral(args);
  const { db } = args.context;
  const input = formInput(await readForm(args.request));
  const typedReason = (firstValue(input, 'eligibilityReason') ?? '').slice(0, 20_000);
  const fail = (status: number, body: Omit<SubmitProblem, 'reason'>) => json<SubmitProblem>({ ...body, reason: typedReason }, { status });
  if (referral.state !== 'draft') {
    return fail(400, { errors: { submit: 'This referral has already been sent. CHOICE’s questions are answered on its case page' }, version: referral.version, conflict: null });
  }
  const form = submitForm.safeParse({ version: firstValue(input, 'version'), eligibilityReason: firstValue(input, 'eligibilityReason') });
  if (!form.success) {
    const errors: Record<string, string> = {};
    for (const issue of form.error.issues) errors[String(issue.path[0] ?? 'submit')] ??= issue.message;
    return fail(400, { errors, version: referral.version, conflict: null });
  }
  const actor = transitionActor(staff);
  try {
    const outcome = await submitReferral(db, { referral, ctx: formContext(staff, referral), expectedVersion: form.data.version, reason: form.data.eligibilityReason, actor });
    switch (outcome.status) {
      case 'incomplete':
        return fail(400, { errors: { submit: 'Finish every section before you send the referral' }, version: form.data.version, conflict: null });
      case 'ineligible':
        return fail(400, {
          errors: outcome.blocking.length
            ? { submit: 'This referral cannot be sent to CHOICE as it stands. The reasons are below' }
            : { eligibilityReason: 'Say why you think CHOICE is right for him' },
          version: form.data.version,
          conflict: null,
        });
      case 'submitted':
        return redirect(referralPath(referral.id, 'confirmation'));
    }
  } catch (error) {
    if (!(error instanceof CaseConflictError)) throw error;
    return fail(409, { errors: {}, version: error.current.version, conflict: await conflictLines(db, error, actor) });
  }
}
