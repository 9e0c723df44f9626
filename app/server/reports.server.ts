/**
 * The report pages' loaders and actions: a report as a page and as a PDF, its forms
 * (refresh the figures, edit the opening paragraph, sign off), and preparing a report
 * by hand. Each reads the report or case through the module (audited; anything not
 * this person's is "not found"), and turns the module's typed errors into the page's
 * words: someone else changed the report first, it has been sent, a field is wrong.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import { recordAudit } from '#modules/audit/record';
import { actorOf } from '#modules/auth/sign-in';
import { caseViewerOf, mayUpdate, readCase, type CaseViewer } from '#modules/referrals/access';
import type { TimelineItem } from '#modules/referrals/history';
import { ReportConflictError, ReportInputError, ReportNotAllowedError, ReportNotFoundError, ReportSignedOffError } from '#modules/reports/errors';
import { REPORT_KIND_HINTS, REPORT_INTENTS, prepareReportForm, reportActionForm, type ReportIntent } from '#modules/reports/report-forms';
import { REPORT_TITLES } from '#modules/reports/report-content';
import { reportPdf } from '#modules/reports/report-pdf';
import { caseReports, prepareReport, preparableReportKinds, readReport, refreshReport, saveReportIntroduction, signOffReport, type ReportView } from '#modules/reports/reports';
import { parseForm, readForm, type FieldErrors } from './forms.server';
import { notFound } from './http.server';
import { requireAnyStaff, requireStaff, siteUrl, type StaffContext } from './staff-auth.server';
import { OpenSafeguardingConcernError } from '#modules/safeguarding/concerns';

const READ_PERMISSIONS = ['case:read:own-organisation', 'case:read:allocated', 'case:read:service'] as const;
const PREPARE_PERMISSION = 'case:update:allocated';
/** How long typed text may be to be kept on the page after a failed step. */
const KEEP_MAX = 10_000;

const forbidden = () => json({ reason: 'forbidden' as const }, { status: 403 });

// Ids are lower case in the database, and so in the audit log's rows about them.
const idParam = (value: string | undefined) => (value ?? '').toLowerCase();

const casePath = (referralId: string) => `/staff/referrals/${referralId}`;
const reportPath = (referralId: string, reportId: string) => `${casePath(referralId)}/reports/${reportId}`;

export const REPORT_DONE = ['prepared', 'prepared-again', 'refreshed', 'refreshed-kept', 'saved', 'template', 'signed-off', 'signed-off-no-mail'] as const;
export type ReportDone = (typeof REPORT_DONE)[number];
const isDone = (value: string | null): value is ReportDone => value !== null && (REPORT_DONE as readonly string[]).includes(value);

async function openReport(args: LoaderFunctionArgs | ActionFunctionArgs, format: 'html' | 'pdf' = 'html'): Promise<{ staff: StaffContext; viewer: CaseViewer; view: ReportView }> {
  const staff = await requireAnyStaff(args, READ_PERMISSIONS);
  const viewer = caseViewerOf(staff.user);
  const view = await readReport(args.context.db, viewer, idParam(args.params.referralId), idParam(args.params.reportId), { format });
  if (!view) notFound();
  return { staff, viewer, view };
}

/** The page's view of a report: never the case row itself, which holds far more than a report may show. */
function pageView(view: ReportView, staff: StaffContext) {
  return {
    id: view.id,
    referralId: view.referralId,
    reference: view.reference,
    kind: view.kind,
    state: view.state,
    version: view.version,
    report: view.report,
    introductionEdited: view.introductionEdited,
    factsReadOn: view.factsReadOn,
    createdAt: view.createdAt.toISOString(),
    createdByName: view.createdByName,
    signedOffAt: view.signedOffAt?.toISOString() ?? null,
    signedOffByName: view.signedOffByName,
    may: view.may,
    /** CHOICE staff see who prepared the report and when its figures were read. */
    choiceStaff: staff.user.organisation_kind === 'choice_service',
    pdfHref: `${reportPath(view.referralId, view.id)}.pdf`,
    caseHref: casePath(view.referralId),
  };
}

export async function reportPageLoader(args: LoaderFunctionArgs) {
  const { staff, view } = await openReport(args);
  const done = new URL(args.request.url).searchParams.get('done');
  return json({ ...pageView(view, staff), done: isDone(done) ? done : null });
}

export async function reportPdfLoader(args: LoaderFunctionArgs) {
  const { view } = await openReport(args, 'pdf');
  const pdf = await reportPdf(view.report);
  // Like every page of the site, the file is sent with Cache-Control: no-store (server/security.ts).
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${view.fileName}"`,
      'Content-Length': String(pdf.length),
    },
  });
}

export interface ReportActionData {
  intent: ReportIntent | null;
  errors: FieldErrors;
  /** The opening paragraph as the person typed it, to put back in the form. */
  introduction: string | null;
  conflict: { version: number; changes: TimelineItem[] } | null;
  refused: string | null;
}

function reply(data: Partial<ReportActionData> & Pick<ReportActionData, 'intent' | 'introduction'>, status: number) {
  return json<ReportActionData>({ errors: {}, conflict: null, refused: null, ...data }, { status });
}

/** A 403 page for a step this person may not take on this report, with the refusal audited. */
async function refuse(args: ActionFunctionArgs, staff: StaffContext, reportId: string, intent: ReportIntent): Promise<never> {
  await recordAudit(args.context.db, { actor: actorOf(staff.user), action: 'access.denied', object: { type: 'report', id: reportId }, outcome: 'denied', detail: { step: intent } });
  throw forbidden();
}

export async function reportPageAction(args: ActionFunctionArgs) {
  const { staff, viewer, view } = await openReport(args);
  const formData = await readForm(args.request);
  const named = formData.get('intent');
  const intent = typeof named === 'string' && (REPORT_INTENTS as readonly string[]).includes(named) ? (named as ReportIntent) : null;
  const typed = formData.get('introduction');
  const introduction = typeof typed === 'string' ? typed.slice(0, KEEP_MAX) : null;

  // Who may do what comes before what they sent: a referrer's post is refused, whatever is in it.
  const mayRefresh = mayUpdate(viewer, view.referral, PREPARE_PERMISSION);
  const mayEdit = mayUpdate(viewer, view.referral, 'report:sign-off:service');
  if (!mayRefresh && !mayEdit) return refuse(args, staff, view.id, intent ?? 'refresh');
  if (intent && intent !== 'refresh' && !mayEdit) return refuse(args, staff, view.id, intent);

  const form = parseForm(formData, reportActionForm);
  if (form.status === 'invalid') return reply({ intent, introduction, errors: form.errors }, 400);
  const action = form.value;
  const db = args.context.db;
  const request = { reportId: view.id, expectedVersion: action.version, actor: { ...actorOf(staff.user), staffUserId: staff.user.id } };
  const done = (outcome: ReportDone) => redirect(`${reportPath(view.referralId, view.id)}?done=${outcome}`);
  try {
    switch (action.intent) {
      case 'refresh': {
        const result = await refreshReport(db, request);
        return done(result.introductionEdited ? 'refreshed-kept' : 'refreshed');
      }
      case 'save': {
        const result = await saveReportIntroduction(db, { ...request, introduction: action.introduction });
        return done(result.edited ? 'saved' : 'template');
      }
      case 'sign-off': {
        // An emptied textarea arrives as no value: it means the template, while a form without the field leaves the paragraph as saved.
        const sentIntroduction = formData.has('introduction') ? (action.introduction ?? '') : undefined;
        const result = await signOffReport(db, { ...request, introduction: sentIntroduction, siteUrl: siteUrl(args.request) });
        return done(result.mail.length ? 'signed-off' : 'signed-off-no-mail');
      }
    }
  } catch (error) {
    if (error instanceof ReportConflictError) return reply({ intent, introduction, conflict: { version: error.current.version, changes: error.changes } }, 409);
    if (error instanceof ReportSignedOffError || error instanceof OpenSafeguardingConcernError) return reply({ intent, introduction, refused: error.message }, 409);
    if (error instanceof ReportInputError) return reply({ intent, introduction, errors: { [error.field]: error.message } }, 400);
    if (error instanceof ReportNotAllowedError) return refuse(args, staff, view.id, action.intent);
    if (error instanceof ReportNotFoundError) return notFound();
    throw error;
  }
}

async function openCaseToPrepare(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const staff = await requireStaff(args, PREPARE_PERMISSION);
  const viewer = caseViewerOf(staff.user);
  const referral = await readCase(args.context.db, viewer, idParam(args.params.referralId));
  if (!referral) notFound();
  if (!mayUpdate(viewer, referral, PREPARE_PERMISSION)) {
    await recordAudit(args.context.db, { actor: actorOf(staff.user), action: 'access.denied', object: { type: 'referral', id: referral.id }, outcome: 'denied', detail: { permission: PREPARE_PERMISSION } });
    throw forbidden();
  }
  const kinds = await preparableReportKinds(args.context.db, viewer, referral);
  const waiting = new Set((await caseReports(args.context.db, viewer, referral.id)).filter((report) => report.state === 'awaiting_sign_off').map((report) => report.kind));
  return {
    staff,
    viewer,
    referral,
    page: {
      referralId: referral.id,
      reference: referral.reference,
      caseHref: casePath(referral.id),
      kinds: kinds.map((kind) => ({ kind, title: REPORT_TITLES[kind], hint: REPORT_KIND_HINTS[kind], waiting: waiting.has(kind) })),
    },
  };
}

export async function prepareReportLoader(args: LoaderFunctionArgs) {
  const { page } = await openCaseToPrepare(args);
  return json(page);
}

export async function prepareReportAction(args: ActionFunctionArgs) {
  const { staff, viewer, referral, page } = await openCaseToPrepare(args);
  const form = parseForm(await readForm(args.request), prepareReportForm);
  if (!page.kinds.length) return json({ errors: { kind: 'No report can be prepared at this stage of the case' } as FieldErrors }, { status: 400 });
  if (form.status === 'invalid') return json({ errors: form.errors }, { status: 400 });
  if (!page.kinds.some((offered) => offered.kind === form.value.kind)) {
    return json({ errors: { kind: 'Select one of the reports listed: that report cannot be prepared at this stage of the case' } as FieldErrors }, { status: 400 });
  }
  try {
    const prepared = await prepareReport(args.context.db, viewer, { referralId: referral.id, kind: form.value.kind, actor: { ...actorOf(staff.user), staffUserId: staff.user.id } });
    return redirect(`${reportPath(referral.id, prepared.id)}?done=${prepared.created ? 'prepared' : 'prepared-again'}`);
  } catch (error) {
    // The case moved on between the page and the post.
    if (error instanceof ReportNotAllowedError) return json({ errors: { kind: error.message } as FieldErrors }, { status: 400 });
    if (error instanceof ReportNotFoundError) return notFound();
    throw error;
  }
}
