/**
 * A session's state as staff read it: the words and the GOV.UK tag colour, as
 * modules/referrals/status.ts does for a case. Pure, for the diary and the session page.
 */
import type { CaseStatus, TagColour } from '../referrals/status';
import { SESSION_STATES, type AbsenceJudgement, type SessionState } from './session-machine';
import { sessionStaffTag } from './session-status';

export type SessionStatus = CaseStatus;

const status = (label: string, colour: TagColour): SessionStatus => ({ label, colour, tag: `govuk-tag--${colour}`, className: `govuk-tag govuk-tag--${colour}` });

/**
 * The status of a session. A booked one whose time has passed says attendance is still
 * to record; a missed one says whether the absence was acceptable; an unknown state (a
 * newer machine's) is shown as it is, in grey, rather than failing the page.
 */
export function sessionStatus(state: string, options: { absence?: AbsenceJudgement | null; over?: boolean } = {}): SessionStatus {
  const { absence, over } = options;
  if (state === 'scheduled' && over) return status('Attendance to record', 'orange');
  // The same words as on the case and session pages (session-status.ts).
  if ((SESSION_STATES as readonly string[]).includes(state)) {
    const { label, colour } = sessionStaffTag(state as SessionState, absence ?? null);
    return status(label, colour);
  }
  return status(state.replace(/_/g, ' '), 'grey');
}
