/**
 * What the session page says after a step: carried in the address of the page the step
 * redirects to (so it works with JavaScript off and survives a reload), and turned into
 * words here. Pure, so the words at each non-compliance threshold are unit-tested.
 */
import type { NonComplianceStage } from './non-compliance';

export const DONE_STEPS = ['SCHEDULE', 'MARK_ATTENDED', 'MARK_NOT_ATTENDED', 'RECORD_NOTES', 'SIGN_OFF', 'RESCHEDULE', 'CANCEL', 'CORRECT_ATTENDANCE'] as const;
export type DoneStep = (typeof DONE_STEPS)[number];

export interface DoneNotice {
  step: DoneStep;
  /** For an absence: whether the reason was acceptable. */
  judgement?: 'acceptable' | 'unacceptable';
  /** For an unacceptable absence: how many the case has now. */
  absences?: number;
  /** The non-compliance threshold the absence crossed, if any. */
  nonCompliance?: Exclude<NonComplianceStage, 'none'>;
  /** How many emails the step sent (managers, for a safeguarding concern). */
  mailed?: number;
  /** A safeguarding concern was first recorded, and managers emailed. */
  safeguarding?: boolean;
}

/** The query string of the page a step redirects to. */
export function doneQuery(notice: DoneNotice): string {
  const params = new URLSearchParams({ done: notice.step });
  if (notice.judgement) params.set('judgement', notice.judgement);
  if (notice.absences !== undefined) params.set('absences', String(notice.absences));
  if (notice.nonCompliance) params.set('threshold', notice.nonCompliance);
  if (notice.mailed !== undefined) params.set('mailed', String(notice.mailed));
  if (notice.safeguarding) params.set('safeguarding', 'yes');
  return params.toString();
}

const count = (value: string | null) => (value && /^\d{1,4}$/.test(value) ? Number(value) : undefined);

/** Reads a page's address back into the notice; anything it does not recognise is left out. */
export function readDoneQuery(params: URLSearchParams): DoneNotice | null {
  const step = params.get('done');
  if (!step || !(DONE_STEPS as readonly string[]).includes(step)) return null;
  const judgement = params.get('judgement');
  const threshold = params.get('threshold');
  return {
    step: step as DoneStep,
    ...(judgement === 'acceptable' || judgement === 'unacceptable' ? { judgement } : {}),
    ...(count(params.get('absences')) !== undefined ? { absences: count(params.get('absences')) } : {}),
    ...(threshold === 'warning' || threshold === 'may-end' ? { nonCompliance: threshold } : {}),
    ...(count(params.get('mailed')) !== undefined ? { mailed: count(params.get('mailed')) } : {}),
    ...(params.get('safeguarding') === 'yes' ? { safeguarding: true } : {}),
  };
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function absenceText(notice: DoneNotice): string {
  if (notice.judgement === 'acceptable') return 'Recorded that he did not come, with an acceptable reason. It does not count towards non-compliance.';
  const parts = ['Recorded that he did not come, without an acceptable reason.'];
  if (notice.absences) parts.push(`This is his ${ordinal(notice.absences)} unacceptable absence.`);
  if (notice.nonCompliance === 'warning') {
    parts.push('Under the programme’s rule he is now warned: give him the warning in writing at your next contact. The referrer is not told at this stage.');
  } else if (notice.nonCompliance === 'may-end') {
    parts.push('Under the programme’s rule the case can now be ended early for non-compliance.');
    parts.push('The non-compliance report is waiting for a manager to sign it off; the referrer is told once it is signed off.');
  }
  return parts.join(' ');
}

/** The success banner's words. */
export function doneText(notice: DoneNotice): string {
  switch (notice.step) {
    case 'SCHEDULE':
      return 'Session booked.';
    case 'MARK_ATTENDED':
      return 'Recorded that he came. Now record what happened in the session.';
    case 'MARK_NOT_ATTENDED':
      return absenceText(notice);
    case 'RECORD_NOTES':
      return notice.safeguarding ? 'Notes saved. The managers of the CHOICE service have been emailed about the safeguarding concern.' : 'Notes saved.';
    case 'SIGN_OFF':
      return 'Session signed off.';
    case 'RESCHEDULE':
      return 'Session moved. This is the new session. If the old one is in your calendar, delete it and add this one.';
    case 'CANCEL':
      return 'Session cancelled.';
    case 'CORRECT_ATTENDANCE':
      return notice.mailed
        ? 'Record corrected. The non-compliance count and any reports waiting for sign-off are up to date, and the referrer has been emailed that a report they were sent no longer holds.'
        : 'Record corrected. The non-compliance count and any reports waiting for sign-off are up to date. The referrer sees the corrected entry on the case.';
  }
}
