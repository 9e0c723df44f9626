/**
 * Taking a step on a case from its page: check that this person may take it on this
 * case, check the worker for an allocation, then move the case (one transaction with
 * its event, audit row and email). Each way it can fail comes back as a value the
 * page turns into words: someone else changed the case first (what they did), the
 * case is no longer in a state that takes the step, or a field is wrong.
 */
import type { Db } from '../../db/connection';
import type { Referral } from '../../db/schema';
import { recordAudit } from '../audit/record';
import { isChoiceManager, mayUpdate, type CaseViewer } from './access';
import { caseloads } from './allocation';
import { caseEventFrom, type CaseAction, type CasePageEvent } from './case-actions';
import type { CaseState } from './case-machine';
import { caseHistory, caseTimeline, type TimelineItem } from './history';
import { queueCaseNotice } from './notifications';
import { createReport } from '../reports/reports';
import { currentProgramme } from '../programme/definition';
import { unacceptableAbsences } from '../sessions/absences';
import { completionProgress, completionShortfall, type CompletionProgress } from '../sessions/completion';
import { cancelBookedSessions } from '../sessions/sessions';
import { EVENT_PERMISSIONS } from './offered-events';
import { CaseConflictError, CaseNotFoundError, transitionCase, TransitionRefusedError } from './transitions';

export type CaseStepResult =
  | { status: 'done'; state: CaseState; version: number }
  | { status: 'forbidden' }
  | { status: 'not-found' }
  | { status: 'invalid'; field: string; message: string }
  /** Someone else changed the case since the person's version: what they did, oldest first. */
  | { status: 'conflict'; version: number; state: CaseState; changes: TimelineItem[] }
  | { status: 'refused'; state: CaseState; message: string };

const STATE_PHRASES: Record<CaseState, string> = {
  draft: 'has not been sent to CHOICE yet',
  submitted: 'is waiting to be screened',
  screening: 'is being screened',
  more_information_requested: 'is waiting for more information from the referrer',
  declined: 'has already been declined',
  accepted: 'has already been accepted',
  allocated: 'has already been allocated',
  assessment: 'is in assessment',
  in_programme: 'is in the programme',
  completed: 'has been completed',
  ended_early: 'has ended early',
  closed: 'is closed',
};

const STEP_PHRASES: Record<CasePageEvent, string> = {
  START_SCREENING: 'screening cannot start',
  REQUEST_INFORMATION: 'CHOICE cannot ask for more information now',
  PROVIDE_INFORMATION: 'no answer is needed now',
  DECLINE: 'it cannot be declined',
  ACCEPT: 'it cannot be accepted',
  ALLOCATE: 'it cannot be allocated',
  START_ASSESSMENT: 'the assessment cannot start',
  COMPLETE: 'it cannot be marked as completed',
  END_EARLY: 'it cannot be ended early',
  CLOSE: 'it cannot be closed',
};

/** "This referral has already been declined, so it cannot be accepted." */
export function refusalMessage(state: CaseState, step: CasePageEvent): string {
  const noun = ['allocated', 'assessment', 'in_programme', 'completed', 'ended_early'].includes(state) ? 'case' : 'referral';
  return `This ${noun} ${STATE_PHRASES[state]}, so ${STEP_PHRASES[step]}.`;
}

/**
 * Ending for non-compliance is for when the programme's rule says so: as many
 * unacceptable absences as the rule's last threshold. Otherwise the words say why not.
 */
async function nonComplianceEndRefusal(db: Db, referralId: string): Promise<string | null> {
  const [absences, { definition }] = await Promise.all([unacceptableAbsences(db, referralId), currentProgramme(db)]);
  const needed = definition.nonCompliance.endAfterUnacceptableAbsences;
  if (absences >= needed) return null;
  const had = absences === 0 ? 'He has no unacceptable absences' : `He has ${absences} unacceptable ${absences === 1 ? 'absence' : 'absences'}`;
  return `${had}. Under the programme’s rule, it can end for non-compliance after ${needed}. Choose another reason, or record the absences first`;
}

export async function takeCaseStep(db: Db, viewer: CaseViewer, referral: Referral, action: CaseAction, siteUrl: () => string): Promise<CaseStepResult> {
  const actor = { staffUserId: viewer.staffUserId, organisationId: viewer.organisationId };
  const permission = EVENT_PERMISSIONS[action.event];
  if (!mayUpdate(viewer, referral, permission)) {
    await recordAudit(db, { actor, action: 'access.denied', object: { type: 'referral', id: referral.id }, outcome: 'denied', detail: { permission, step: action.event } });
    return { status: 'forbidden' };
  }
  let delivery: CompletionProgress | undefined;
  if (action.event === 'COMPLETE') {
    delivery = await completionProgress(db, referral.id);
    const shortfall = completionShortfall(delivery);
    const manager = await isChoiceManager(db, viewer.staffUserId);
    if (shortfall && !action.overrideReason) {
      const next = manager ? 'To record completion anyway, give your reason as a manager.' : 'Record the sessions first, or ask a CHOICE manager to record completion with a reason.';
      return { status: 'invalid', field: 'confirmComplete', message: `${shortfall}. ${next}` };
    }
    if (shortfall && !manager) return { status: 'invalid', field: 'overrideReason', message: 'Only a CHOICE manager can record completion with fewer sessions than the rule asks' };
    // The reason is kept only when it was needed: completion by the rule is not an override.
    if (!shortfall) action = { ...action, overrideReason: undefined };
  }
  const event = caseEventFrom(action, delivery);
  if (event.type === 'ALLOCATE') {
    const person = (await caseloads(db, viewer.organisationId)).find((c) => c.staffUserId === event.workerId);
    if (!person) return { status: 'invalid', field: 'workerId', message: 'Select someone from the list' };
    if (referral.version === action.version && referral.allocated_worker_id === event.workerId) {
      return { status: 'invalid', field: 'workerId', message: `${person.fullName} already has this case. Select someone else to reallocate it` };
    }
  }
  if (event.type === 'END_EARLY' && event.reason === 'non_compliance') {
    const refusal = await nonComplianceEndRefusal(db, referral.id);
    if (refusal) return { status: 'invalid', field: 'endReason', message: refusal };
  }
  try {
    const result = await transitionCase(db, {
      referralId: referral.id,
      expectedVersion: action.version,
      event,
      actor,
      alsoDo: async (trx, moved) => {
        await queueCaseNotice(trx, { event: event.type, referralId: moved.referralId, workerId: moved.context.allocatedWorkerId }, siteUrl);
        // The report the referrer will need is prepared at once, for a manager to sign off.
        const kind = event.type === 'COMPLETE' ? 'completion' : event.type === 'END_EARLY' ? 'ended_early' : null;
        if (kind) await createReport(trx, { referralId: moved.referralId, kind, actor });
        // Booked sessions do not outlive the programme, nor stay in the diary of a worker the case has left.
        const cancelBecause =
          event.type === 'COMPLETE'
            ? 'The programme was completed.'
            : event.type === 'END_EARLY'
              ? 'The programme ended early.'
              : event.type === 'ALLOCATE' && moved.from !== 'accepted'
                ? 'The case moved to another worker, who will book sessions again.'
                : null;
        if (cancelBecause) await cancelBookedSessions(trx, { referralId: moved.referralId, reason: cancelBecause, actor });
      },
    });
    return { status: 'done', state: result.state, version: result.version };
  } catch (error) {
    if (error instanceof CaseConflictError) {
      const changes = caseTimeline(await caseHistory(db, referral.id, { afterVersion: action.version }), viewer.role === 'referrer' ? 'referrer' : 'staff').reverse();
      return { status: 'conflict', version: error.current.version, state: error.current.state, changes };
    }
    if (error instanceof TransitionRefusedError) return { status: 'refused', state: error.state, message: refusalMessage(error.state, action.event) };
    if (error instanceof CaseNotFoundError) return { status: 'not-found' };
    throw error;
  }
}
