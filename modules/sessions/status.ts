/**
 * A session's state as staff read it: the words and the GOV.UK tag colour, as
 * modules/referrals/status.ts does for a case. Pure, for the diary and the session page.
 */
import type { CaseStatus, TagColour } from '../referrals/status';
import type { AbsenceJudgement, SessionState } from './session-machine';

export type SessionStatus = CaseStatus;

const LABELS: Record<SessionState, [string, TagColour]> = {
  scheduled: ['Booked', 'blue'],
  attended: ['Attended, notes to write', 'yellow'],
  notes_recorded: ['Notes written', 'turquoise'],
  signed_off: ['Signed off', 'green'],
  not_attended: ['Did not attend', 'orange'],
  rescheduled: ['Moved', 'grey'],
  cancelled: ['Cancelled', 'grey'],
};

const status = (label: string, colour: TagColour): SessionStatus => ({ label, colour, tag: `govuk-tag--${colour}`, className: `govuk-tag govuk-tag--${colour}` });

/**
 * The status of a session. A booked one whose time has passed says attendance is still
 * to record; a missed one says whether the absence was acceptable; an unknown state (a
 * newer machine's) is shown as it is, in grey, rather than failing the page.
 */
export function sessionStatus(state: string, options: { absence?: AbsenceJudgement | null; over?: boolean } = {}): SessionStatus {
  const { absence, over } = options;
  if (state === 'scheduled' && over) return status('Attendance to record', 'orange');
  if (state === 'not_attended' && absence === 'unacceptable') return status('Did not attend: unacceptable', 'red');
  if (state === 'not_attended' && absence === 'acceptable') return status('Did not attend: acceptable', 'orange');
  const known = LABELS[state as SessionState] as [string, TagColour] | undefined;
  return known ? status(...known) : status(state.replace(/_/g, ' '), 'grey');
}
