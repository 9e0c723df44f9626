/**
 * The plan page's loader and action. The page is the worker's plan builder while the
 * plan is a draft, and the manager's sign-off while it waits for one. Every post
 * opens the case through openCaseToWorkOn (permission, readCase, mayUpdate); signing
 * off and sending back also need the manager's permission on this case. Whatever is
 * posted ends as a page with a message next to what was wrong, never an error page.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import { missingFromAssessment, readAssessment } from '#modules/assessment/assessment';
import { planDecisionForm, STALE_PAGE } from '#modules/assessment/forms';
import { buildPlan, PlanConflictError, PlanInvalidError, PlanNotAllowedError, PlanNotReadyError, readPlan, returnPlan, savePlan, signOffPlan, submitPlanForSignOff, type PlanRecord } from '#modules/assessment/plan';
import { choicesFromPlan, defaultPlan, modulesNotInProgramme, planTotals, readPlanChoices, rowsForPage, type PlanChoice } from '#modules/assessment/plan-builder';
import type { PlanModule, PlanState } from '#db/schema';
import { currentProgramme } from '#modules/programme/definition';
import { mayUpdate } from '#modules/referrals/access';
import { caseHistory, caseTimeline, type TimelineItem } from '#modules/referrals/history';
import { caseStatus } from '#modules/referrals/status';
import { CaseConflictError, CaseNotFoundError, TransitionRefusedError } from '#modules/referrals/transitions';
import { noStore, openCaseToWorkOn, refuse } from './case-work.server';
import { parseForm, readForm, type FieldErrors } from './forms.server';
import { notFound } from './http.server';
import { siteUrl } from './staff-auth.server';
import { OpenSafeguardingConcernError } from '#modules/safeguarding/concerns';

const DONE = ['saved', 'submitted', 'returned', 'signed-off', 'assessment-saved'] as const;
export type PlanDone = (typeof DONE)[number];

/** What the page does for this person now: build the plan, decide on it, or only show it. */
export type PlanMode = 'edit' | 'decide' | 'view';

const serialise = (plan: PlanRecord) => ({
  state: plan.state,
  version: plan.version,
  modules: plan.modules,
  updatedAt: plan.updatedAt.toISOString(),
  updatedByName: plan.updatedByName,
  submittedAt: plan.submittedAt?.toISOString() ?? null,
  signedOffAt: plan.signedOffAt?.toISOString() ?? null,
  signedOffByName: plan.signedOffByName,
  returnedReason: plan.returnedReason,
  returnedAt: plan.returnedAt?.toISOString() ?? null,
  returnedByName: plan.returnedByName,
});

export type PlanView = ReturnType<typeof serialise>;

export async function planLoader(args: LoaderFunctionArgs) {
  const { viewer, referral } = await openCaseToWorkOn(args);
  const { db } = args.context;
  const [programme, plan, assessment] = await Promise.all([currentProgramme(db), readPlan(db, referral.id), readAssessment(db, referral.id)]);
  const { definition } = programme;
  const decides = mayUpdate(viewer, referral, 'plan:sign-off:service');
  const mode: PlanMode =
    referral.state !== 'assessment' || plan?.state === 'signed_off' ? 'view' : plan?.state === 'awaiting_sign_off' && decides ? 'decide' : 'edit';
  const shown = plan?.modules ?? defaultPlan(definition);
  const done = new URL(args.request.url).searchParams.get('done');
  return json(
    {
      referralId: referral.id,
      reference: referral.reference,
      personName: referral.person_name,
      state: referral.state,
      status: caseStatus(referral.state),
      caseVersion: referral.version,
      mode,
      plan: plan ? serialise(plan) : null,
      rows: choicesFromPlan(definition, shown),
      modules: definition.modules.map((module) => ({ key: module.key, title: module.title, plannedSessions: module.plannedSessions, summary: module.summary })),
      sessionMinutes: definition.sessionMinutes,
      totals: planTotals(shown, definition.sessionMinutes),
      notInProgramme: plan && mode === 'edit' ? modulesNotInProgramme(definition, plan.modules) : [],
      missing: missingFromAssessment(assessment),
      done: (DONE as readonly string[]).includes(done ?? '') ? (done as PlanDone) : null,
    },
    { headers: noStore },
  );
}

export interface PlanActionData {
  intent: 'save' | 'submit' | 'sign-off' | 'return' | null;
  errors: FieldErrors;
  /** The rows as typed, to show again. */
  rows: PlanChoice[] | null;
  /** The manager's reason as typed. */
  reason: string | null;
  /** The versions the form should post next (after a conflict, or a save that could not be sent). */
  planVersion: number | null;
  caseVersion: number | null;
  /** Someone else changed the plan first: who, when, and what it is now. */
  conflict: { state: PlanState | null; updatedAt: string | null; updatedByName: string | null; modules: PlanModule[] } | null;
  /** Someone else changed the case first (signing off): what they did. */
  caseConflict: TimelineItem[] | null;
  refused: string | null;
}

const reply = (data: Partial<PlanActionData>, status: number) =>
  json<PlanActionData>(
    { intent: null, errors: {}, rows: null, reason: null, planVersion: null, caseVersion: null, conflict: null, caseConflict: null, refused: null, ...data },
    { status, headers: noStore },
  );

const conflictOf = (current: PlanRecord | null): PlanActionData['conflict'] => ({
  state: current?.state ?? null,
  updatedAt: current?.updatedAt.toISOString() ?? null,
  updatedByName: current?.updatedByName ?? null,
  modules: current?.modules ?? [],
});

const REASON_KEEP = 10_000;

export async function planAction(args: ActionFunctionArgs) {
  const opened = await openCaseToWorkOn(args);
  const formData = await readForm(args.request);
  const intent = formData.get('intent');
  if (intent === 'save' || intent === 'submit') return buildAndSave(args, opened, formData, intent);
  if (intent === 'sign-off' || intent === 'return') return decide(args, opened, formData, intent);
  return reply({ errors: { modules: 'Choose what to do with the plan' } }, 400);
}

type Opened = Awaited<ReturnType<typeof openCaseToWorkOn>>;

async function buildAndSave(args: ActionFunctionArgs, { referral, actor }: Opened, formData: FormData, intent: 'save' | 'submit') {
  const { db } = args.context;
  const { definition } = await currentProgramme(db);
  const choices = readPlanChoices(formData);
  const rows = rowsForPage(definition, choices);
  const versionText = formData.get('version');
  const version = typeof versionText === 'string' && /^\d{1,9}$/.test(versionText) ? Number(versionText) : null;
  const built = buildPlan(definition, choices);
  const errors = built.status === 'invalid' ? { ...built.errors } : {};
  if (version === null) errors.version = STALE_PAGE;
  if (built.status === 'invalid' || version === null) return reply({ intent, rows, errors }, 400);

  let saved: PlanRecord;
  try {
    saved = await savePlan(db, { referralId: referral.id, expectedVersion: version, modules: built.modules, actor });
  } catch (error) {
    return refusal(error, intent, rows);
  }
  if (intent === 'save') return redirect(`/staff/referrals/${referral.id}/plan?done=saved`);
  try {
    await submitPlanForSignOff(db, { referralId: referral.id, expectedVersion: saved.version, actor, siteUrl: siteUrl(args.request) });
  } catch (error) {
    // The plan itself was saved: say so, and why it could not go yet.
    if (error instanceof PlanNotReadyError || error instanceof PlanNotAllowedError) {
      return reply({ intent, rows, planVersion: saved.version, refused: `Your plan is saved as a draft, but it has not been sent. ${error.message}` }, 409);
    }
    return refusal(error, intent, rows);
  }
  return redirect(`/staff/referrals/${referral.id}/plan?done=submitted`);
}

async function decide(args: ActionFunctionArgs, { staff, viewer, referral, actor }: Opened, formData: FormData, intent: 'sign-off' | 'return') {
  const { db } = args.context;
  if (!mayUpdate(viewer, referral, 'plan:sign-off:service')) await refuse(args, staff.user.id, staff.user.organisation_id, referral.id, 'plan:sign-off:service');
  const typedReason = formData.get('reason');
  const reason = typeof typedReason === 'string' ? typedReason.slice(0, REASON_KEEP) : null;
  const form = parseForm(formData, planDecisionForm);
  if (form.status === 'invalid') {
    const errors = { ...form.errors };
    // Version problems are about the page, not a field the manager can fix: they link to the decision.
    for (const field of ['planVersion', 'caseVersion', 'intent']) {
      if (errors[field]) {
        errors.decision ??= errors[field]!;
        delete errors[field];
      }
    }
    return reply({ intent, reason, errors }, 400);
  }
  const decision = form.value;
  try {
    if (decision.intent === 'return') {
      await returnPlan(db, { referralId: referral.id, expectedVersion: decision.planVersion, reason: decision.reason, actor, siteUrl: siteUrl(args.request) });
      return redirect(`/staff/referrals/${referral.id}/plan?done=returned`);
    }
    await signOffPlan(db, {
      referralId: referral.id,
      expectedPlanVersion: decision.planVersion,
      expectedCaseVersion: decision.caseVersion,
      actor,
      siteUrl: siteUrl(args.request),
    });
    return redirect(`/staff/referrals/${referral.id}/plan?done=signed-off`);
  } catch (error) {
    // Only signing off moves the case, so only it can find the case changed or in another state.
    if (error instanceof CaseConflictError && decision.intent === 'sign-off') {
      const changes = caseTimeline(await caseHistory(db, referral.id, { afterVersion: decision.caseVersion }), 'staff').reverse();
      return reply({ intent, reason, caseVersion: error.current.version, caseConflict: changes }, 409);
    }
    if (error instanceof TransitionRefusedError) {
      const refused = error.state === 'in_programme' ? 'The programme has already started for this case.' : `This case is no longer in assessment (it is ${caseStatus(error.state).label.toLowerCase()}), so the plan cannot be signed off.`;
      return reply({ intent, reason, refused }, 409);
    }
    return refusal(error, intent, null, reason);
  }
}

/** The plan module's refusals as a page; anything else is a real fault, and is thrown on. */
function refusal(error: unknown, intent: PlanActionData['intent'], rows: PlanChoice[] | null, reason: string | null = null) {
  if (error instanceof PlanConflictError) return reply({ intent, rows, reason, planVersion: error.current?.version ?? 0, conflict: conflictOf(error.current) }, 409);
  if (error instanceof PlanNotAllowedError || error instanceof PlanNotReadyError || error instanceof OpenSafeguardingConcernError) return reply({ intent, rows, reason, refused: error.message }, 409);
  if (error instanceof PlanInvalidError) return reply({ intent, rows, reason, errors: error.errors }, 400);
  if (error instanceof CaseNotFoundError) return notFound();
  throw error;
}
