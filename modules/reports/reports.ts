/**
 * Reports to the referrer, from the case to the referrer's inbox. A report is made
 * (by a case or session step, or by hand) with the facts read from the case at that
 * moment and kept with it; while it waits for sign-off its figures can be refreshed
 * and a manager may edit its opening paragraph; a CHOICE manager signs it off, and only
 * then does the referrer see it and get an email saying it is ready.
 *
 * Every write is one transaction with its audit row, checked against the version the
 * person saw: a stale version changes nothing and says who changed the report, when.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection';
import type { Referral, ReportState } from '../../db/schema';
import { recordAudit, type AuditActor, type Executor } from '../audit/record';
import type { MailMessage } from '../mail/outbox';
import { isChoiceManager, mayUpdate, onlyVisibleTo, readCase, visibilityOf, type CaseViewer } from '../referrals/access';
import type { TimelineItem } from '../referrals/history';
import { unacceptableAbsences } from '../sessions/absences';
import { ReportConflictError, ReportInputError, ReportNotAllowedError, ReportNotFoundError, ReportSignedOffError } from './errors';
import { reportFactsFor } from './facts';
import { queueReportReadyNotice, reportPath } from './notices';
import { buildReport, reportIntroduction, REPORT_TITLES, type Report, type ReportFacts, type ReportKind } from './report-content';
import { introductionProblem, reportKindsFor, storedIntroduction } from './report-forms';
import { reportFileName } from './report-pdf';
import { isUuid } from '../administration/forms';
import { refuseSignOffWhileConcernOpen } from '../safeguarding/concerns';

export { reportFactsFor } from './facts';

export interface ReportActor extends AuditActor {
  staffUserId: string;
}


/** The audit actions that change a report, and what each is called when someone else got there first. */
const WRITE_TITLES: Record<string, string> = {
  'report.create': 'Report prepared',
  'report.refresh': 'Figures refreshed from the case',
  'report.introduction': 'Opening paragraph changed',
  'report.sign-off': 'Signed off and sent to the referrer',
};

/** What others did to a report after a given version, oldest first, from its audit rows. */
export async function reportChangesSince(db: Executor, reportId: string, version: number): Promise<TimelineItem[]> {
  const rows = await db
    .selectFrom('audit_event')
    .leftJoin('staff_user', 'staff_user.id', 'audit_event.actor_staff_user_id')
    .leftJoin('organisation', 'organisation.id', 'staff_user.organisation_id')
    .select(['audit_event.id', 'audit_event.occurred_at', 'audit_event.action', 'staff_user.full_name', 'organisation.name as organisation_name'])
    .where('audit_event.object_type', '=', 'report')
    .where('audit_event.object_id', '=', reportId)
    .where('audit_event.outcome', '=', 'success')
    .where('audit_event.action', 'in', Object.keys(WRITE_TITLES))
    .where(sql<number>`(audit_event.detail ->> 'version')::int`, '>', version)
    .orderBy('audit_event.id')
    .execute();
  return rows.map((row) => ({
    id: `audit-${row.id}`,
    occurredAt: row.occurred_at.toISOString(),
    title: WRITE_TITLES[row.action] ?? row.action,
    byline: row.full_name ? `${row.full_name}${row.organisation_name ? `, ${row.organisation_name}` : ''}` : 'the system',
    lines: [],
  }));
}

export interface CreateReportRequest {
  referralId: string;
  kind: ReportKind;
  actor: ReportActor;
  now?: Date;
}

export interface CreatedReport {
  id: string;
  version: number;
  /** False when a report of this kind was already waiting for sign-off and its figures were refreshed instead. */
  created: boolean;
}

/**
 * A report of this kind waiting for sign-off, with the facts read from the case now.
 * Written with the executor it is given, so a case or session step calls it inside its
 * own transaction and a step that rolls back leaves no report. If a report of this
 * kind is already waiting, its figures are refreshed instead of making a second one.
 */
export async function createReport(trx: Executor, request: CreateReportRequest): Promise<CreatedReport> {
  const now = request.now ?? new Date();
  const { referralId, kind, actor } = request;
  if (!isUuid(referralId)) throw new ReportNotFoundError();
  // Reports of one case are made one at a time, so two at once cannot both be "the first".
  const locked = await trx.selectFrom('referral').select('id').where('id', '=', referralId).forNoKeyUpdate().executeTakeFirst();
  if (!locked) throw new ReportNotFoundError();
  const facts = await reportFactsFor(trx, referralId, now);
  const waiting = await trx
    .selectFrom('report')
    .select(['id', 'version'])
    .where('referral_id', '=', referralId)
    .where('kind', '=', kind)
    .where('state', '=', 'awaiting_sign_off')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (waiting) {
    const version = waiting.version + 1;
    await trx.updateTable('report').set({ facts: JSON.stringify(facts), version, updated_at: now }).where('id', '=', waiting.id).execute();
    await recordAudit(trx, { actor, action: 'report.refresh', object: { type: 'report', id: waiting.id }, outcome: 'success', detail: { referral: referralId, kind, version } });
    return { id: waiting.id, version, created: false };
  }
  const inserted = await trx
    .insertInto('report')
    .values({ referral_id: referralId, kind, state: 'awaiting_sign_off', facts: JSON.stringify(facts), created_at: now, updated_at: now, created_by_staff_user_id: actor.staffUserId })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await recordAudit(trx, { actor, action: 'report.create', object: { type: 'report', id: inserted.id }, outcome: 'success', detail: { referral: referralId, kind, version: inserted.version } });
  return { ...inserted, created: true };
}

export interface PrepareReportRequest {
  referralId: string;
  kind: ReportKind;
  actor: ReportActor;
  now?: Date;
}

/**
 * A report prepared by hand by the allocated worker or a CHOICE manager, of a kind that
 * fits the case at its stage (see reportKindsFor).
 */
export async function prepareReport(db: Db, viewer: CaseViewer, request: PrepareReportRequest): Promise<CreatedReport> {
  if (!isUuid(request.referralId)) throw new ReportNotFoundError();
  return db.transaction().execute(async (trx) => {
    const referral = await onlyVisibleTo(trx.selectFrom('referral').select(['referral.id', 'referral.state', 'referral.organisation_id', 'referral.allocated_worker_id']), viewer)
      .where('referral.id', '=', request.referralId)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!referral) throw new ReportNotFoundError();
    const kinds = await preparableReportKinds(trx, viewer, referral);
    if (!mayUpdate(viewer, referral, 'case:update:allocated')) throw new ReportNotAllowedError('Only the allocated worker or a CHOICE manager can prepare a report on this case.');
    if (!kinds.includes(request.kind)) throw new ReportNotAllowedError('That report cannot be prepared at this stage of the case. Select one of the reports listed');
    return createReport(trx, { ...request, referralId: referral.id });
  });
}

const ONCE_ONLY: ReportKind[] = ['programme_start', 'completion', 'ended_early'];

/** Which reports this person may prepare by hand on this case now (none if they may not change it). */

export async function preparableReportKinds(db: Executor, viewer: CaseViewer, referral: Pick<Referral, 'id' | 'state' | 'organisation_id' | 'allocated_worker_id'>): Promise<ReportKind[]> {
  if (!mayUpdate(viewer, referral, 'case:update:allocated')) return [];
  // Absences are counted only where the answer could change what is offered.
  const [absences, sent] = await Promise.all([
    referral.state === 'in_programme' ? unacceptableAbsences(db, referral.id) : Promise.resolve(0),
    db.selectFrom('report').select('kind').where('referral_id', '=', referral.id).where('state', '=', 'signed_off').where('kind', 'in', ONCE_ONLY).execute(),
  ]);
  // A programme starts, completes or ends once: its report, once sent, is not made again.
  return reportKindsFor(referral.state, absences).filter((kind) => !sent.some((row) => row.kind === kind));
}

interface ReportChangeRequest {
  reportId: string;
  /** The version the person saw. */
  expectedVersion: number;
  actor: ReportActor;
  now?: Date;
}

type Who = 'worker-or-manager' | 'manager';

/** The report, locked for this change, after checking who may make it and that it is still the version the person saw. */
async function openForChange(trx: Executor, request: ReportChangeRequest, who: Who) {
  if (!isUuid(request.reportId)) throw new ReportNotFoundError();
  const row = await trx
    .selectFrom('report')
    .innerJoin('referral', 'referral.id', 'report.referral_id')
    .select(['report.id', 'report.referral_id', 'report.kind', 'report.state', 'report.version', 'report.facts', 'report.introduction', 'referral.allocated_worker_id'])
    .where('report.id', '=', request.reportId)
    .forUpdate('report')
    .executeTakeFirst();
  if (!row) throw new ReportNotFoundError();
  const manager = await isChoiceManager(trx, request.actor.staffUserId);
  if (who === 'manager' && !manager) throw new ReportNotAllowedError('Only a CHOICE manager can change the wording of a report or sign it off.');
  if (who === 'worker-or-manager' && !manager && row.allocated_worker_id !== request.actor.staffUserId) {
    throw new ReportNotAllowedError('Only the allocated worker or a CHOICE manager can refresh this report.');
  }
  if (row.version !== request.expectedVersion) {
    throw new ReportConflictError({ version: row.version, state: row.state }, await reportChangesSince(trx, row.id, request.expectedVersion));
  }
  if (row.state !== 'awaiting_sign_off') throw new ReportSignedOffError();
  return { ...row, facts: row.facts as ReportFacts };
}

/** The opening paragraph to store: null (the template) when it is empty or says exactly what the template says. */
function introductionToStore(text: string, kind: ReportKind, facts: ReportFacts): string | null {
  const problem = introductionProblem(text);
  if (problem) throw new ReportInputError('introduction', problem);
  const stored = storedIntroduction(text);
  return stored === null || stored === reportIntroduction(kind, facts).trim() ? null : stored;
}

/** The figures read again from the case, while the report waits for sign-off. An edited opening paragraph is kept. */
export async function refreshReport(db: Db, request: ReportChangeRequest): Promise<{ version: number; introductionEdited: boolean }> {
  const now = request.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const row = await openForChange(trx, request, 'worker-or-manager');
    const facts = await reportFactsFor(trx, row.referral_id, now);
    const version = row.version + 1;
    await trx.updateTable('report').set({ facts: JSON.stringify(facts), version, updated_at: now }).where('id', '=', row.id).execute();
    await recordAudit(trx, {
      actor: request.actor,
      action: 'report.refresh',
      object: { type: 'report', id: row.id },
      outcome: 'success',
      detail: { referral: row.referral_id, kind: row.kind, version },
    });
    return { version, introductionEdited: row.introduction !== null };
  });
}

/** A manager's own words for the opening paragraph; empty puts the programme's template back. */
export async function saveReportIntroduction(db: Db, request: ReportChangeRequest & { introduction: string }): Promise<{ version: number; edited: boolean }> {
  const now = request.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const row = await openForChange(trx, request, 'manager');
    const introduction = introductionToStore(request.introduction, row.kind, row.facts);
    const version = row.version + 1;
    await trx.updateTable('report').set({ introduction, version, updated_at: now }).where('id', '=', row.id).execute();
    await recordAudit(trx, {
      actor: request.actor,
      action: 'report.introduction',
      object: { type: 'report', id: row.id },
      outcome: 'success',
      detail: { referral: row.referral_id, kind: row.kind, version, edited: introduction !== null },
    });
    return { version, edited: introduction !== null };
  });
}

export interface SignOffRequest extends ReportChangeRequest {
  /** The opening paragraph as the manager left it on the page, saved with the sign-off. */
  introduction?: string;
  /** The site's address, for the link in the referrer's email. */
  siteUrl: string;
}

/**
 * A CHOICE manager signs the report off: from now on it never changes, the referrer
 * can read it, and the referrer who made the referral is emailed that it is ready.
 */
export async function signOffReport(db: Db, request: SignOffRequest): Promise<{ version: number; mail: MailMessage[] }> {
  const now = request.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const row = await openForChange(trx, request, 'manager');
    await refuseSignOffWhileConcernOpen(trx, row.referral_id);
    const introduction = request.introduction === undefined ? row.introduction : introductionToStore(request.introduction, row.kind, row.facts);
    const version = row.version + 1;
    await trx
      .updateTable('report')
      .set({ state: 'signed_off', introduction, signed_off_at: now, signed_off_by_staff_user_id: request.actor.staffUserId, version, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, {
      actor: request.actor,
      action: 'report.sign-off',
      object: { type: 'report', id: row.id },
      outcome: 'success',
      detail: { referral: row.referral_id, kind: row.kind, version },
    });
    const mail = await queueReportReadyNotice(trx, row.referral_id, row.id, request.siteUrl);
    return { version, mail };
  });
}

/** Whether this person sees reports before they are signed off (CHOICE staff) or only once sent (referrers). */
const seesAwaitingReports = (viewer: CaseViewer) => {
  const visibility = visibilityOf(viewer);
  return visibility === 'service' || visibility === 'allocated';
};

/** A line of the case's list of reports, ready to show (dates as ISO strings). */
export interface CaseReportItem {
  id: string;
  kind: ReportKind;
  title: string;
  state: ReportState;
  href: string;
  createdAt: string;
  /** The report's one author, as the report itself names them (the case's worker). */
  createdByName: string | null;
  signedOffAt: string | null;
  signedOffByName: string | null;
}

/**
 * The case's reports this person may see, newest first: every one for CHOICE staff,
 * only those signed off for the referrer. The case page that shows them has already
 * read (and audited) the case; a case this person cannot see has no reports for them.
 */
export async function caseReports(db: Executor, viewer: CaseViewer, referralId: string): Promise<CaseReportItem[]> {
  if (!isUuid(referralId)) return [];
  let query = db
    .selectFrom('report')
    .leftJoin('staff_user as signer', 'signer.id', 'report.signed_off_by_staff_user_id')
    .select([
      'report.id',
      'report.referral_id',
      'report.kind',
      'report.state',
      'report.created_at',
      'report.signed_off_at',
      sql<string | null>`report.facts ->> 'workerName'`.as('created_by_name'),
      'signer.full_name as signed_off_by_name',
    ])
    .where('report.referral_id', '=', referralId)
    .where('report.referral_id', 'in', onlyVisibleTo(db.selectFrom('referral').select('referral.id'), viewer).where('referral.id', '=', referralId));
  if (!seesAwaitingReports(viewer)) query = query.where('report.state', '=', 'signed_off');
  const rows = await query.orderBy('report.created_at', 'desc').orderBy('report.id', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: REPORT_TITLES[row.kind],
    state: row.state,
    href: reportPath(row.referral_id, row.id),
    createdAt: row.created_at.toISOString(),
    createdByName: row.created_by_name,
    signedOffAt: row.signed_off_at?.toISOString() ?? null,
    signedOffByName: row.signed_off_by_name,
  }));
}

/** A report as a page or a PDF shows it, with what this person may do with it. */
export interface ReportView {
  id: string;
  referralId: string;
  reference: string;
  kind: ReportKind;
  state: ReportState;
  version: number;
  report: Report;
  /** Whether a manager's words replace the template's opening paragraph. */
  introductionEdited: boolean;
  /** The day the figures were read from the case. */
  factsReadOn: string;
  createdAt: Date;
  createdByName: string | null;
  updatedAt: Date;
  signedOffAt: Date | null;
  signedOffByName: string | null;
  fileName: string;
  may: { refresh: boolean; edit: boolean; signOff: boolean };
  /** The case as this person was allowed to read it. */
  referral: Referral;
}

/**
 * One report of a case, if this person may see it: the case must be theirs to see
 * (readCase, audited), and a referrer sees a report only once it has been signed off.
 * Every read is audited, and so is every refusal; a refusal is "not found".
 */
export async function readReport(db: Executor, viewer: CaseViewer, referralId: string, reportId: string, options: { format?: 'html' | 'pdf' } = {}): Promise<ReportView | null> {
  const actor = { staffUserId: viewer.staffUserId, organisationId: viewer.organisationId };
  const format = options.format ?? 'html';
  const referral = await readCase(db, viewer, referralId);
  const row =
    referral && isUuid(reportId)
      ? await db
          .selectFrom('report')
          .leftJoin('staff_user as signer', 'signer.id', 'report.signed_off_by_staff_user_id')
          .select([
            'report.id',
            'report.kind',
            'report.state',
            'report.version',
            'report.facts',
            'report.introduction',
            'report.created_at',
            'report.updated_at',
            'report.signed_off_at',
            sql<string | null>`report.facts ->> 'workerName'`.as('created_by_name'),
            'signer.full_name as signed_off_by_name',
          ])
          .where('report.id', '=', reportId)
          .where('report.referral_id', '=', referral.id)
          .executeTakeFirst()
      : undefined;
  const visible = row !== undefined && (row.state === 'signed_off' || seesAwaitingReports(viewer));
  await recordAudit(db, {
    actor,
    action: 'report.read',
    object: { type: 'report', id: reportId.slice(0, 100) },
    outcome: visible ? 'success' : 'denied',
    detail: { referral: referralId.slice(0, 100), format },
  });
  if (!referral || !row || !visible) return null;

  const facts = row.facts as ReportFacts;
  const signed = row.state === 'signed_off' && row.signed_off_at;
  const report = buildReport(row.kind, { ...facts, managerName: signed ? row.signed_off_by_name : null, signedOffAt: signed ? row.signed_off_at : null }, { introduction: row.introduction });
  const awaiting = row.state === 'awaiting_sign_off';
  const signOff = awaiting && mayUpdate(viewer, referral, 'report:sign-off:service');
  return {
    id: row.id,
    referralId: referral.id,
    reference: referral.reference,
    kind: row.kind,
    state: row.state,
    version: row.version,
    report,
    introductionEdited: row.introduction !== null,
    factsReadOn: typeof facts.generatedOn === 'string' ? facts.generatedOn : row.updated_at.toISOString().slice(0, 10),
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    updatedAt: row.updated_at,
    signedOffAt: row.signed_off_at,
    signedOffByName: row.signed_off_by_name,
    fileName: reportFileName(report, referral.reference),
    may: { refresh: awaiting && mayUpdate(viewer, referral, 'case:update:allocated'), edit: signOff, signOff },
    referral,
  };
}
