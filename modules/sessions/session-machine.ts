/**
 * One programme session, as its own small xstate machine, persisted beside the session
 * row like the case (see modules/referrals/case-machine.ts): no side effects, plain
 * JSON context. A session is held and written up, or it is missed (with the absence
 * judged acceptable or not), moved to another time, or called off.
 */
import { assign, setup } from 'xstate';

/** 2: a held or missed session can have its attendance corrected, so those states are no longer final (see snapshot.ts). */
export const SESSION_MACHINE_VERSION = 2;
export const SESSION_MACHINE_ID = 'choice-session';

export const SESSION_STATES = ['scheduled', 'attended', 'notes_recorded', 'signed_off', 'not_attended', 'rescheduled', 'cancelled'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const ABSENCE_JUDGEMENTS = ['acceptable', 'unacceptable'] as const;
export type AbsenceJudgement = (typeof ABSENCE_JUDGEMENTS)[number];

/** What a correction says really happened: he came, or he did not (with the absence judged). */
export const ATTENDANCE_RECORDS = ['attended', 'acceptable', 'unacceptable'] as const;
export type AttendanceRecord = (typeof ATTENDANCE_RECORDS)[number];

export type SessionEvent =
  | { type: 'MARK_ATTENDED' }
  | { type: 'RECORD_NOTES' }
  | { type: 'SIGN_OFF' }
  | { type: 'MARK_NOT_ATTENDED'; judgement: AbsenceJudgement; reason: string }
  | { type: 'RESCHEDULE'; reason: string }
  | { type: 'CANCEL'; reason: string }
  /** A mistaken record put right, with the reason; who may, and until when, is the module's rule (sessions.ts). */
  | { type: 'CORRECT_ATTENDANCE'; attendance: AttendanceRecord; reason: string };

export type SessionEventType = SessionEvent['type'];
export const SESSION_EVENT_TYPES: readonly SessionEventType[] = ['MARK_ATTENDED', 'RECORD_NOTES', 'SIGN_OFF', 'MARK_NOT_ATTENDED', 'RESCHEDULE', 'CANCEL', 'CORRECT_ATTENDANCE'];

export interface SessionContext {
  absence: AbsenceJudgement | null;
  reason: string | null;
}

const hasReason = ({ event }: { event: SessionEvent }) => 'reason' in event && event.reason.trim().length > 0;

export const sessionMachine = setup({
  types: { context: {} as SessionContext, events: {} as SessionEvent },
  guards: {
    hasReason,
    isJudgedAbsence: ({ event }) =>
      event.type === 'MARK_NOT_ATTENDED' && (event.judgement === 'acceptable' || event.judgement === 'unacceptable') && event.reason.trim().length > 0,
    // A correction must say why, and must change something.
    correctsToAttended: ({ context, event }) => event.type === 'CORRECT_ATTENDANCE' && event.attendance === 'attended' && context.absence !== null && event.reason.trim().length > 0,
    correctsJudgement: ({ context, event }) =>
      event.type === 'CORRECT_ATTENDANCE' && event.attendance !== 'attended' && (ATTENDANCE_RECORDS as readonly string[]).includes(event.attendance) && event.attendance !== context.absence && event.reason.trim().length > 0,
  },
  actions: {
    recordAbsence: assign(({ event }) => (event.type === 'MARK_NOT_ATTENDED' ? { absence: event.judgement, reason: event.reason.trim() } : {})),
    recordReason: assign(({ event }) => ('reason' in event ? { reason: event.reason.trim() } : {})),
    recordCorrection: assign(({ event }) =>
      event.type === 'CORRECT_ATTENDANCE' ? { absence: event.attendance === 'attended' ? null : event.attendance, reason: event.reason.trim() } : {},
    ),
  },
}).createMachine({
  id: SESSION_MACHINE_ID,
  initial: 'scheduled',
  context: { absence: null, reason: null },
  states: {
    scheduled: {
      on: {
        MARK_ATTENDED: 'attended',
        MARK_NOT_ATTENDED: { target: 'not_attended', guard: 'isJudgedAbsence', actions: 'recordAbsence' },
        RESCHEDULE: { target: 'rescheduled', guard: 'hasReason', actions: 'recordReason' },
        CANCEL: { target: 'cancelled', guard: 'hasReason', actions: 'recordReason' },
      },
    },
    attended: { on: { RECORD_NOTES: 'notes_recorded', CORRECT_ATTENDANCE: { target: 'not_attended', guard: 'correctsJudgement', actions: 'recordCorrection' } } },
    // Notes can be corrected until a manager signs the session off.
    notes_recorded: {
      on: {
        RECORD_NOTES: { target: 'notes_recorded', reenter: true },
        SIGN_OFF: 'signed_off',
        CORRECT_ATTENDANCE: { target: 'not_attended', guard: 'correctsJudgement', actions: 'recordCorrection' },
      },
    },
    signed_off: { on: { CORRECT_ATTENDANCE: { target: 'not_attended', guard: 'correctsJudgement', actions: 'recordCorrection' } } },
    not_attended: {
      on: {
        CORRECT_ATTENDANCE: [
          { target: 'attended', guard: 'correctsToAttended', actions: 'recordCorrection' },
          { target: 'not_attended', guard: 'correctsJudgement', actions: 'recordCorrection', reenter: true },
        ],
      },
    },
    rescheduled: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
