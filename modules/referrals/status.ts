/**
 * A case's state as a person reads it: the words and the GOV.UK tag colour. Referrers
 * see where their referral is from the outside ("Sent to CHOICE", "More information
 * needed"); CHOICE staff see what the case needs from them ("To screen", "Waiting for
 * the referrer"). Pure: the lists and case pages call it, and so do the unit tests.
 */
import type { CaseState, EndEarlyReason } from './case-machine';

export type StatusAudience = 'referrer' | 'staff';

/** The GOV.UK tag colours (govuk-tag--…); none is the default dark blue. */
export type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export interface CaseStatus {
  label: string;
  colour: TagColour;
  /** The colour's modifier class (govuk-tag--…). */
  tag: string;
  /** The tag's whole class list, ready for `className`. */
  className: string;
}

const REFERRER: Record<CaseState, [string, TagColour]> = {
  draft: ['Draft', 'grey'],
  submitted: ['Sent to CHOICE', 'blue'],
  screening: ['Being screened', 'light-blue'],
  more_information_requested: ['More information needed', 'orange'],
  declined: ['Declined', 'red'],
  accepted: ['Accepted', 'turquoise'],
  allocated: ['Allocated to a worker', 'turquoise'],
  assessment: ['Being assessed', 'purple'],
  in_programme: ['On the programme', 'green'],
  completed: ['Completed', 'green'],
  ended_early: ['Ended early', 'red'],
  closed: ['Closed', 'grey'],
};

const STAFF: Record<CaseState, [string, TagColour]> = {
  draft: ['Draft, not sent', 'grey'],
  submitted: ['To screen', 'blue'],
  screening: ['Screening', 'light-blue'],
  more_information_requested: ['Waiting for the referrer', 'yellow'],
  declined: ['Declined', 'red'],
  accepted: ['To allocate', 'turquoise'],
  allocated: ['Allocated', 'turquoise'],
  assessment: ['Assessment', 'purple'],
  in_programme: ['In programme', 'green'],
  completed: ['Completed', 'green'],
  ended_early: ['Ended early', 'red'],
  closed: ['Closed', 'grey'],
};

const ENDED_EARLY: Record<EndEarlyReason, Record<StatusAudience, string>> = {
  non_compliance: { referrer: 'Ended: did not take part', staff: 'Ended: non-compliance' },
  withdrawn: { referrer: 'Ended: withdrawn', staff: 'Ended: withdrawn' },
  breached: { referrer: 'Ended: breached', staff: 'Ended: breached' },
  returned_to_referrer: { referrer: 'Returned to you', staff: 'Returned to the referrer' },
};

const isEndReason = (value: string | null | undefined): value is EndEarlyReason => !!value && value in ENDED_EARLY;

/**
 * The status of a case for this audience. An unknown state (a newer machine's, read by
 * an older page) is shown as it is, in grey, rather than failing the page.
 */
export function caseStatus(state: string, audience: StatusAudience = 'staff', endReason?: string | null): CaseStatus {
  const table = audience === 'referrer' ? REFERRER : STAFF;
  const known = table[state as CaseState] as [string, TagColour] | undefined;
  const [plain, colour]: [string, TagColour] = known ?? [state.replace(/_/g, ' '), 'grey'];
  const label = state === 'ended_early' && isEndReason(endReason) ? ENDED_EARLY[endReason][audience] : plain;
  return { label, colour, tag: `govuk-tag--${colour}`, className: `govuk-tag govuk-tag--${colour}` };
}

/** Whose words a person reads: referrers (and anyone outside the CHOICE service) see the referrer's. */
export const audienceOf = (role: string): StatusAudience => (role === 'referrer' ? 'referrer' : 'staff');
