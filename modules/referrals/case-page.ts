/**
 * Everything a case page shows, for one person: the referral as summary lists, its
 * state and deadline, the timeline, what needs their attention, and the steps they
 * may take now (the machine's answer for this snapshot, narrowed to what their role
 * may do on this case). The case itself must already have been read with readCase,
 * which decided that this person may see it and wrote the audit row.
 */
import type { Referral } from '../../db/schema';
import type { Executor } from '../audit/record';
import { mayUpdate, type CaseViewer } from './access';
import { caseloads, type Caseload } from './allocation';
import { attentionItems, perspectiveOf, type AttentionItem, type CasePerspective } from './attention';
import { isCasePageEvent, type CasePageEvent } from './case-actions';
import type { CaseState } from './case-machine';
import { caseSummary, type SummarySection } from './case-summary';
import { EDITABLE_STATES } from './details';
import { caseHistory, caseTimeline, type TimelineItem } from './history';
import { offeredEvents } from './offered-events';
import { audienceOf, caseStatus, type CaseStatus } from './status';
import { deadline, waitingTime, type Deadline, type Waiting } from './waiting';

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
}

const WAITING_STATES: readonly CaseState[] = ['submitted', 'screening', 'more_information_requested', 'accepted'];
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

export async function casePageView(db: Executor, viewer: CaseViewer, referral: Referral, now = new Date()): Promise<CasePageView> {
  const perspective = perspectiveOf(viewer);
  if (!perspective) throw new Error('casePageView: this person cannot see cases at all.');
  const state = referral.state as CaseState;
  const offered = offeredEvents(referral.snapshot, referral.machine_version, (permission) => mayUpdate(viewer, referral, permission));
  const steps = offered.filter(isCasePageEvent);
  const [who, history, people] = await Promise.all([
    names(db, referral),
    caseHistory(db, referral.id),
    steps.includes('ALLOCATE') ? caseloads(db, viewer.organisationId) : Promise.resolve([]),
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
    }),
    steps,
    workers: people.map((person) => ({ ...person, current: person.staffUserId === referral.allocated_worker_id })),
    allocatedWorkerName: who.workerName,
    timeline: caseTimeline(history),
    detailsHref: perspective === 'referrer' && EDITABLE_STATES.includes(state) && offered.some((e) => e === 'SUBMIT' || e === 'PROVIDE_INFORMATION') ? `/staff/referrals/${referral.id}/check-answers` : null,
  };
}
