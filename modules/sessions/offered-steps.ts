/**
 * Which steps the session page offers a person: those the session's machine would take
 * now, narrowed by what else must be true (only a manager signs off; whether he came is
 * recorded once the session has started; a session is moved only while its case can
 * have sessions booked). Pure: it reads a snapshot, so a unit test can call it. The
 * server asks again, with the same function and then the machine, when a step is posted.
 */
import { SESSION_PAGE_STEPS, type SessionPageStep } from './forms';
import { ATTENDANCE_RECORDS, type SessionEvent, type SessionState } from './session-machine';
import { advanceSession } from './snapshot';

export interface StepContext {
  /** A manager of the CHOICE service. */
  manager: boolean;
  /** The session's start time has come. */
  started: boolean;
  /** The case is at a stage where sessions can be booked (needed to move one). */
  caseOpen: boolean;
}

/** Stand-ins for each step's data, enough for the machine's guards to say yes or no: a step is offered if any is taken. */
const PROBES: Record<SessionPageStep, readonly SessionEvent[]> = {
  MARK_ATTENDED: [{ type: 'MARK_ATTENDED' }],
  MARK_NOT_ATTENDED: [{ type: 'MARK_NOT_ATTENDED', judgement: 'acceptable', reason: 'probe' }],
  RECORD_NOTES: [{ type: 'RECORD_NOTES' }],
  SIGN_OFF: [{ type: 'SIGN_OFF' }],
  RESCHEDULE: [{ type: 'RESCHEDULE', reason: 'probe' }],
  CANCEL: [{ type: 'CANCEL', reason: 'probe' }],
  // A correction must change the record: one of the three records is always different from the one held.
  CORRECT_ATTENDANCE: ATTENDANCE_RECORDS.map((attendance) => ({ type: 'CORRECT_ATTENDANCE', attendance, reason: 'probe' })),
};

/** Why a step the machine would take is not offered to this person now, or null. */
export function stepBlockedBy(step: SessionPageStep, context: StepContext): string | null {
  switch (step) {
    case 'MARK_ATTENDED':
    case 'MARK_NOT_ATTENDED':
      return context.started ? null : 'You can record whether he came once the session has started.';
    case 'SIGN_OFF':
      return context.manager ? null : 'Only a manager can sign a session off.';
    case 'RESCHEDULE':
      return context.caseOpen ? null : 'The case is no longer at a stage where sessions can be booked, so this session cannot be moved. You can cancel it.';
    default:
      return null;
  }
}

export function offeredSessionSteps(stored: unknown, storedVersion: number, context: StepContext): SessionPageStep[] {
  return SESSION_PAGE_STEPS.filter((step) => stepBlockedBy(step, context) === null && PROBES[step].some((probe) => advanceSession(stored, storedVersion, probe).accepted));
}

const STATE_PHRASES: Record<SessionState, string> = {
  scheduled: 'is booked and has not been recorded yet',
  attended: 'has been marked as attended',
  notes_recorded: 'has its notes recorded',
  signed_off: 'has been signed off',
  not_attended: 'has been recorded as missed',
  rescheduled: 'has been moved',
  cancelled: 'has been cancelled',
};

const STEP_PHRASES: Record<SessionPageStep, string> = {
  MARK_ATTENDED: 'it cannot be marked as attended',
  MARK_NOT_ATTENDED: 'it cannot be recorded as missed',
  RECORD_NOTES: 'its notes cannot be recorded or changed',
  SIGN_OFF: 'it cannot be signed off',
  RESCHEDULE: 'it cannot be moved',
  CANCEL: 'it cannot be cancelled',
  CORRECT_ATTENDANCE: 'whether he came cannot be corrected',
};

/** "This session has been signed off, so its notes cannot be recorded or changed." */
export function sessionRefusal(state: SessionState, step: SessionPageStep): string {
  return `This session ${STATE_PHRASES[state]}, so ${STEP_PHRASES[step]}.`;
}
