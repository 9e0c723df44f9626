/**
 * The names of the session page's steps and of each step's fields. Kept apart from the
 * schemas (./forms.ts) so the page's own code can use them without the session machine.
 */
import { DATE_PARTS } from '../referrals/dates';

/** The steps the session page takes, in the order it shows them. */
export const SESSION_PAGE_STEPS = ['MARK_ATTENDED', 'MARK_NOT_ATTENDED', 'RECORD_NOTES', 'SIGN_OFF', 'RESCHEDULE', 'CANCEL', 'CORRECT_ATTENDANCE'] as const;
export type SessionPageStep = (typeof SESSION_PAGE_STEPS)[number];
export const isSessionPageStep = (value: unknown): value is SessionPageStep => typeof value === 'string' && (SESSION_PAGE_STEPS as readonly string[]).includes(value);

/** The fields each step's form has, in page order: what is kept when the step cannot be saved, and the error summary's order. */
export const STEP_FIELDS: Record<SessionPageStep, readonly string[]> = {
  MARK_ATTENDED: [],
  MARK_NOT_ATTENDED: ['judgement', 'absenceReason'],
  RECORD_NOTES: ['topics', 'engagement', 'homeworkSet', 'homeworkDone', 'concerns', 'safeguarding', 'privateNotes'],
  SIGN_OFF: [],
  RESCHEDULE: ['moveReason', 'date-day', 'date-month', 'date-year', 'time', 'minutes'],
  CANCEL: ['cancelReason'],
  CORRECT_ATTENDANCE: ['attendance', 'correctionReason'],
};

/** The field an error summary links to for each posted name (the date boxes go to the date input). */
export const errorAnchor = (field: string) => (DATE_PARTS.some((part) => field === `date-${part}`) ? 'date' : field);
