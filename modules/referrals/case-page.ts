/**
 * Everything a case page shows, for one person: the referral as summary lists, its
 * state and deadline, the timeline, what needs their attention, and the steps they
 * may take now (the machine's answer for this snapshot, narrowed to what their role
 * may do on this case). The case itself must already have been read with readCase,
 * which decided that this person may see it and wrote the audit row.
 */
import type { Referral } from '../../db/schema';
import type { Executor } from '../audit/record';
import { isChoiceManager, mayUpdate, type CaseViewer } from './access';
import { caseloads, type Caseload } from './allocation';
import { attentionItems, perspectiveOf, type AttentionItem, type CasePerspective } from './attention';
import { isCasePageEvent, type CasePageEvent } from './case-actions';
import { END_EARLY_REASONS, type CaseState } from './case-machine';
import { caseSummary, type SummarySection } from './case-summary';
import { EDITABLE_STATES } from './details';
import { assessmentAndPlanSummary, type AssessmentAndPlanSummary } from '../assessment/summary';
import { currentProgramme } from '../programme/definition';
import { caseSessions } from '../sessions/case-sessions';
import { CORRECTED_TO } from '../sessions/session-status';
import { formatSessionDay } from '../sessions/times';
import { unacceptableAbsences } from '../sessions/absences';
import { completionProgress, completionShortfall, type CompletionProgress } from '../sessions/completion';
import { REPORT_TITLES, type ReportKind } from '../reports/report-content';
import { caseReports, preparableReportKinds, type CaseReportItem } from '../reports/reports';
import { caseHistory, caseTimeline, describeReport, describeSession, mergeTimelines, type TimelineItem } from './history';
import { offeredEvents } from './offered-events';
import { OUTCOME_LABELS, outcomeCodeOf } from './outcomes';
import { audienceOf, caseStatus, type CaseStatus } from './status';
import { deadline, waitingTime, type Deadline, type Waiting } from './waiting';
import { concernPath, mayManageConcerns, openConcernOf } from '../safeguarding/concerns';

export interface CasePageView {
  id: string;
  reference: string;
  state: CaseState;
  status: CaseStatus;
  version: number;
  perspective: CasePerspective;
  /** "referral" until CHOICE accepts it, "case" after. */
  noun: 'referral' | 'case';
  summary: SummarySection[];
  deadline: Deadline | null;
  waiting: Waiting | null;
  attention: AttentionItem[];
  /** The steps this page offers, in the order the page shows them. */
  steps: CasePageEvent[];
  /** For allocation: who may have the case, with their caseloads, and who has it now. */
  workers: Array<Caseload & { current: boolean }>;
  allocatedWorkerName: string | null;
  timeline: TimelineItem[];
  /** Where the referrer finishes a draft, or changes the details CHOICE asked about. */
  detailsHref: string | null;
  /** When the case can be closed: the outcome closing it would record, in words. */
  closingOutcome: string | null;
  /** Reports on the case this person may see (a referrer: those sent to them), and whether they may prepare one now. */
  reports: CaseReportItem[];
  canPrepareReport: boolean;
  /** Whether the case has reached the point where it has sessions and reports. */
  inProgramme: boolean;
  /** The case's sessions as this person may see them, and whether they may book one. */
  sessions: CaseSessionsView | null;
  /** The assessment and individual plan, for CHOICE staff, once the assessment has started. */
  assessmentAndPlan: AssessmentAndPlanSummary | null;
  /** When completion is offered: the sessions attended against the rule, what is missing, and whether this person may override it. */
  completion: (CompletionProgress & { shortfall: string | null; mayOverride: boolean }) | null;
  /** The non-compliance rule's end threshold is reached: ending early is the first step offered, open. */
  endEarlyFirst: boolean;
}

const WAITING_STATES: readonly CaseState[] = ['submitted', 'screening', 'more_information_requested', 'accepted'];
/** States in which a case can have sessions and reports. */
const PROGRAMME_STATES: readonly CaseState[] = ['allocated', 'assessment', 'in_programme', 'completed', 'ended_early', 'closed'];
const ASSESSED_STATES: readonly CaseState[] = ['assessment', 'in_programme', 'completed', 'ended_early', 'closed'];
const REFERRAL_STATES: readonly CaseState[] = ['draft', 'submitted', 'screening', 'more_information_requested', 'declined'];

async function names(db: Executor, referral: Referral) {
  const ids = [referral.referrer_staff_user_id, ...(referral.allocated_worker_id ? [referral.allocated_worker_id] : [])];
  const [organisation, people] = await Promise.all([
    db.selectFrom('organisation').select(['name', 'kind']).where('id', '=', referral.organisation_id).executeTakeFirstOrThrow(),
    db.selectFrom('staff_user').select(['id', 'full_name']).where('id', 'in', ids).execute(),
  ]);
  const nameOf = (id: string | null) => people.find((person) => person.id === id)?.full_name ?? null;
  return { organisationName: organisation.name, organisationKind: organisation.kind, referrerName: nameOf(referral.referrer_staff_user_id), workerName: nameOf(referral.allocated_worker_id) };
}

function closingOutcomeOf(state: CaseState, endReason: string | null): string | null {
  const code = outcomeCodeOf(state, END_EARLY_REASONS.find((reason) => reason === endReason) ?? null);
  return code ? OUTCOME_LABELS[code] : null;
}

/** Sessions held or missed, and reports sent, for the timeline. */
async function sessionsAndReports(db: Executor, referralId: string, audience: 'referrer' | 'staff'): Promise<TimelineItem[]> {
  const [sessions, reports, { definition }, corrections] = await Promise.all([
    db
      .selectFrom('programme_session')
      .leftJoin('staff_user', 'staff_user.id', 'programme_session.worker_id')
      .select([
        'programme_session.id',
        'programme_session.starts_at',
        'programme_session.state',
        'programme_session.module_key',
        'programme_session.absence_judgement',
        'programme_session.absence_reason',
        'staff_user.full_name',
      ])
      .where('programme_session.referral_id', '=', referralId)
      .where('programme_session.state', 'in', ['attended', 'notes_recorded', 'signed_off', 'not_attended'])
      .orderBy('programme_session.starts_at')
      .execute(),
    db
      .selectFrom('report')
      .leftJoin('staff_user', 'staff_user.id', 'report.signed_off_by_staff_user_id')
      .select(['report.id', 'report.kind', 'report.signed_off_at', 'staff_user.full_name'])
      .where('report.referral_id', '=', referralId)
      .where('report.state', '=', 'signed_off')
      .execute(),
    currentProgramme(db),
    db
      .selectFrom('session_event')
      .innerJoin('programme_session', 'programme_session.id', 'session_event.session_id')
      .leftJoin('staff_user', 'staff_user.id', 'session_event.actor_staff_user_id')
      .select(['session_event.id', 'session_event.occurred_at', 'session_event.reason', 'programme_session.module_key', 'programme_session.starts_at', 'staff_user.full_name'])
      .where('programme_session.referral_id', '=', referralId)
      .where('session_event.event', '=', 'CORRECT_ATTENDANCE')
      .execute(),
  ]);
  const titleOf = (key: string) => definition.modules.find((module) => module.key === key)?.title ?? key;
  return [
    ...sessions.flatMap((row) => {
      const item = describeSession(
        {
          id: row.id,
          startsAt: row.starts_at,
          state: row.state,
          moduleTitle: titleOf(row.module_key),
          absenceJudgement: row.absence_judgement,
          absenceReason: row.absence_reason,
          workerName: row.full_name,
        },
        audience,
      );
      return item ? [item] : [];
    }),
    // A corrected record is shown as corrected, never changed silently; why it was corrected stays with CHOICE.
    ...corrections.map((row): TimelineItem => {
      const [to, ...why] = (row.reason ?? '').split(': ');
      return {
        id: `correction-${row.id}`,
        occurredAt: row.occurred_at.toISOString(),
        title: `Attendance record corrected: ${titleOf(row.module_key)}, ${formatSessionDay(row.starts_at)}`,
        byline: row.full_name ? `${row.full_name}, CHOICE` : 'CHOICE',
        lines: [{ label: 'Now recorded as', text: CORRECTED_TO[to ?? ''] ?? 'Changed' }, ...(audience === 'staff' && why.length ? [{ label: 'Reason', text: why.join(': ') }] : [])],
      };
    }),
    ...reports.flatMap((row) =>
      row.signed_off_at
        ? [describeReport({ id: row.id, title: REPORT_TITLES[row.kind as ReportKind], signedOffAt: row.signed_off_at, signedOffByName: row.full_name, href: `/staff/referrals/${referralId}/reports/${row.id}` })]
        : [],
    ),
  ];
}

type CaseSessionsView = Awaited<ReturnType<typeof caseSessions>>;

export async function casePageView(db: Executor, viewer: CaseViewer, referral: Referral, now = new Date()): Promise<CasePageView> {
  const perspective = perspectiveOf(viewer);
  if (!perspective) throw new Error('casePageView: this person cannot see cases at all.');
  const state = referral.state as CaseState;
  const offered = offeredEvents(referral.snapshot, referral.machine_version, (permission) => mayUpdate(viewer, referral, permission));
  const steps = offered.filter(isCasePageEvent);
  const inProgramme = PROGRAMME_STATES.includes(state);
  const showPlan = perspective !== 'referrer' && ASSESSED_STATES.includes(state);
  const ending = steps.includes('COMPLETE') || steps.includes('END_EARLY');
  const [who, history, people, later, reports, preparable, assessmentAndPlan, sessions, completion, absences, manager, programme, openConcern] = await Promise.all([
    names(db, referral),
    caseHistory(db, referral.id),
    steps.includes('ALLOCATE') ? caseloads(db, viewer.organisationId) : Promise.resolve([]),
    inProgramme ? sessionsAndReports(db, referral.id, audienceOf(viewer.role)) : Promise.resolve([]),
    inProgramme ? caseReports(db, viewer, referral.id) : Promise.resolve([]),
    inProgramme ? preparableReportKinds(db, viewer, referral) : Promise.resolve([]),
    showPlan ? assessmentAndPlanSummary(db, referral.id) : Promise.resolve(null),
    inProgramme ? caseSessions(db, viewer, referral.id, now) : Promise.resolve(null),
    steps.includes('COMPLETE') ? completionProgress(db, referral.id) : Promise.resolve(null),
    ending ? unacceptableAbsences(db, referral.id) : Promise.resolve(0),
    steps.includes('COMPLETE') ? isChoiceManager(db, viewer.staffUserId) : Promise.resolve(false),
    ending ? currentProgramme(db) : Promise.resolve(null),
    mayManageConcerns(viewer) ? openConcernOf(db, referral.id) : Promise.resolve(null),
  ]);
  return {
    id: referral.id,
    reference: referral.reference,
    state,
    status: caseStatus(state, audienceOf(viewer.role), referral.end_reason),
    version: referral.version,
    perspective,
    noun: REFERRAL_STATES.includes(state) ? 'referral' : 'case',
    summary: caseSummary(referral, {
      organisationName: who.organisationName,
      organisationKind: who.organisationKind,
      referrerName: who.referrerName,
      showEligibility: perspective !== 'worker',
      now,
    }),
    deadline: deadline(referral.decision_date, now),
    waiting: referral.submitted_at && WAITING_STATES.includes(state) ? waitingTime(referral.submitted_at, now) : null,
    attention: attentionItems({
      perspective,
      state,
      informationRequest: referral.information_request,
      declineReason: referral.decline_reason,
      offered,
      allocatedToViewer: referral.allocated_worker_id === viewer.staffUserId,
      reports,
      openConcernHref: openConcern ? concernPath(openConcern) : null,
    }),
    steps,
    workers: people.map((person) => ({ ...person, current: person.staffUserId === referral.allocated_worker_id })),
    allocatedWorkerName: who.workerName,
    timeline: mergeTimelines(caseTimeline(history, audienceOf(viewer.role)), later),
    reports,
    canPrepareReport: preparable.length > 0,
    inProgramme,
    assessmentAndPlan,
    sessions,
    completion: completion ? { ...completion, shortfall: completionShortfall(completion), mayOverride: manager } : null,
    endEarlyFirst: Boolean(programme && steps.includes('END_EARLY') && absences >= programme.definition.nonCompliance.endAfterUnacceptableAbsences),
    closingOutcome: steps.includes('CLOSE') ? closingOutcomeOf(state, referral.end_reason) : null,
    detailsHref: perspective === 'referrer' && EDITABLE_STATES.includes(state) && offered.some((e) => e === 'SUBMIT' || e === 'PROVIDE_INFORMATION') ? `/staff/referrals/${referral.id}/check-answers` : null,
  };
}
