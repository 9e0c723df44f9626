/**
 * A session as people read it: its state as a tag for CHOICE staff, the outcome a
 * referrer sees (never more), the words for engagement and homework, and each session
 * event as a line of history. Pure, so pages and unit tests ask the same thing.
 */
import type { HomeworkOutcome, SessionEngagement } from '../../db/schema';
import type { TagColour } from '../referrals/status';
import type { AbsenceJudgement, SessionState } from './session-machine';

export interface SessionTag {
  label: string;
  colour: TagColour;
  /** The tag's whole class list, ready for `className`. */
  className: string;
}

const tag = (label: string, colour: TagColour): SessionTag => ({ label, colour, className: `govuk-tag govuk-tag--${colour}` });

const STAFF: Record<Exclude<SessionState, 'not_attended'>, [string, TagColour]> = {
  scheduled: ['Booked', 'blue'],
  attended: ['Attended – notes due', 'yellow'],
  notes_recorded: ['Notes recorded – sign-off due', 'turquoise'],
  signed_off: ['Signed off', 'green'],
  rescheduled: ['Moved', 'grey'],
  cancelled: ['Cancelled', 'grey'],
};

/** The state as CHOICE staff see it. */
export function sessionStaffTag(state: SessionState, absence: AbsenceJudgement | null): SessionTag {
  if (state === 'not_attended') return absence === 'acceptable' ? tag('Missed – reason accepted', 'orange') : tag('Missed – no acceptable reason', 'red');
  const [label, colour] = STAFF[state];
  return tag(label, colour);
}

/** The outcome a referrer sees: whether he came, never what was said. */
export function sessionOutcomeTag(state: SessionState, absence: AbsenceJudgement | null): SessionTag {
  switch (state) {
    case 'scheduled':
      return tag('Booked', 'blue');
    case 'attended':
    case 'notes_recorded':
    case 'signed_off':
      return tag('Attended', 'green');
    case 'not_attended':
      return absence === 'acceptable' ? tag('Missed – reason accepted', 'orange') : tag('Missed – no acceptable reason', 'red');
    case 'rescheduled':
      return tag('Moved', 'grey');
    case 'cancelled':
      return tag('Cancelled', 'grey');
  }
}

export const ENGAGEMENT_LABELS: Record<SessionEngagement, string> = {
  full: 'He took a full part',
  partial: 'He took some part',
  little: 'He took little part',
  none: 'He did not take part',
};

export const HOMEWORK_LABELS: Record<HomeworkOutcome, string> = {
  done: 'He did it',
  partly: 'He did some of it',
  not_done: 'He did not do it',
  not_set: 'No homework was set last time',
};

export const ABSENCE_LABELS: Record<AbsenceJudgement, string> = {
  acceptable: 'He had an acceptable reason',
  unacceptable: 'He did not have an acceptable reason',
};

/** What is due from CHOICE staff on a session now, if anything. */
export type SessionDue = 'attendance' | 'notes' | 'sign-off' | null;

export const DUE_LABELS: Record<Exclude<SessionDue, null>, string> = {
  attendance: 'Record whether he came',
  notes: 'Notes due',
  'sign-off': 'Sign-off due',
};

export function sessionDue(state: SessionState, startsAt: Date, now: Date): SessionDue {
  if (state === 'scheduled') return startsAt.getTime() <= now.getTime() ? 'attendance' : null;
  if (state === 'attended') return 'notes';
  if (state === 'notes_recorded') return 'sign-off';
  return null;
}

const EVENT_TITLES: Record<string, string> = {
  SCHEDULE: 'Session booked',
  MARK_ATTENDED: 'He came',
  MARK_NOT_ATTENDED: 'He did not come',
  RECORD_NOTES: 'Notes recorded',
  SIGN_OFF: 'Signed off',
  RESCHEDULE: 'Session moved',
  CANCEL: 'Session cancelled',
  CORRECT_ATTENDANCE: 'Attendance record corrected',
};

/** What a correction says really happened, in words. */
export const CORRECTED_TO: Record<string, string> = {
  attended: 'He came',
  acceptable: 'He did not come, with an acceptable reason',
  unacceptable: 'He did not come, without an acceptable reason',
};

export interface SessionEventText {
  title: string;
  lines: Array<{ label: string; text: string }>;
}

/** One session event in words. A correction of the notes is named as one. */
export function describeSessionEvent(event: { event: string; fromState: string | null; reason: string | null }): SessionEventText {
  let title = EVENT_TITLES[event.event] ?? event.event;
  if (event.event === 'RECORD_NOTES' && event.fromState === 'notes_recorded') title = 'Notes corrected';
  const lines: SessionEventText['lines'] = [];
  if (event.reason) {
    if (event.event === 'CORRECT_ATTENDANCE') {
      const [to, ...rest] = event.reason.split(': ');
      lines.push({ label: 'Now recorded as', text: CORRECTED_TO[to ?? ''] ?? 'Changed' }, { label: 'Reason', text: rest.join(': ') });
    } else if (event.event === 'MARK_NOT_ATTENDED') {
      const [judgement, ...rest] = event.reason.split(': ');
      const label = judgement === 'acceptable' || judgement === 'unacceptable' ? ABSENCE_LABELS[judgement] : null;
      if (label) lines.push({ label: 'Judgement', text: label }, { label: 'Reason', text: rest.join(': ') });
      else lines.push({ label: 'Reason', text: event.reason });
    } else {
      lines.push({ label: event.event === 'SCHEDULE' ? 'Note' : 'Reason', text: event.reason });
    }
  }
  return { title, lines };
}
