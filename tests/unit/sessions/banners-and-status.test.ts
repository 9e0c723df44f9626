import { describe, expect, it } from 'vitest';
import { doneQuery, doneText, ordinal, readDoneQuery, type DoneNotice } from '../../../modules/sessions/banners';
import { SESSION_STATES } from '../../../modules/sessions/session-machine';
import { describeSessionEvent, sessionDue, sessionOutcomeTag, sessionStaffTag } from '../../../modules/sessions/session-status';

describe('the banner after a session step', () => {
  it('says what an absence set off at each non-compliance threshold', () => {
    expect(doneText({ step: 'MARK_NOT_ATTENDED', judgement: 'acceptable' })).toBe('Recorded that he did not come, with an acceptable reason. It does not count towards non-compliance.');
    expect(doneText({ step: 'MARK_NOT_ATTENDED', judgement: 'unacceptable', absences: 1 })).toBe('Recorded that he did not come, without an acceptable reason. This is his 1st unacceptable absence.');
    expect(doneText({ step: 'MARK_NOT_ATTENDED', judgement: 'unacceptable', absences: 2, nonCompliance: 'warning' })).toBe(
      'Recorded that he did not come, without an acceptable reason. This is his 2nd unacceptable absence. Under the programme’s rule he is now warned: give him the warning in writing at your next contact. The referrer is not told at this stage.',
    );
    expect(doneText({ step: 'MARK_NOT_ATTENDED', judgement: 'unacceptable', absences: 3, nonCompliance: 'may-end' })).toBe(
      'Recorded that he did not come, without an acceptable reason. This is his 3rd unacceptable absence. Under the programme’s rule the case can now be ended early for non-compliance. The non-compliance report is waiting for a manager to sign it off; the referrer is told once it is signed off.',
    );
  });

  it('says managers were emailed when a safeguarding concern was recorded', () => {
    expect(doneText({ step: 'RECORD_NOTES', safeguarding: true, mailed: 2 })).toBe('Notes saved. The managers of the CHOICE service have been emailed about the safeguarding concern.');
    expect(doneText({ step: 'RECORD_NOTES' })).toBe('Notes saved.');
  });

  it('goes through the address and back, dropping anything it does not know', () => {
    const notice: DoneNotice = { step: 'MARK_NOT_ATTENDED', judgement: 'unacceptable', absences: 2, nonCompliance: 'warning' };
    expect(readDoneQuery(new URLSearchParams(doneQuery(notice)))).toEqual(notice);
    expect(readDoneQuery(new URLSearchParams('done=RECORD_NOTES&safeguarding=yes&mailed=2'))).toEqual({ step: 'RECORD_NOTES', safeguarding: true, mailed: 2 });
    expect(readDoneQuery(new URLSearchParams('done=DROP_TABLE'))).toBeNull();
    expect(readDoneQuery(new URLSearchParams('done=MARK_NOT_ATTENDED&absences=<script>&threshold=ended&judgement=x'))).toEqual({ step: 'MARK_NOT_ATTENDED' });
  });

  it('counts in words people use', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th']);
  });
});

describe('a session in words', () => {
  it('shows a referrer only whether he came', () => {
    const labels = SESSION_STATES.map((state) => sessionOutcomeTag(state, state === 'not_attended' ? 'acceptable' : null).label);
    expect(labels).toEqual(['Booked', 'Attended', 'Attended', 'Attended', 'Missed – reason accepted', 'Moved', 'Cancelled']);
    expect(sessionOutcomeTag('not_attended', 'unacceptable').label).toBe('Missed – no acceptable reason');
  });

  it('shows staff what is due', () => {
    expect(sessionStaffTag('attended', null)).toEqual({ label: 'Attended – notes due', colour: 'yellow', className: 'govuk-tag govuk-tag--yellow' });
    const now = new Date('2026-12-03T15:00:00Z');
    expect(sessionDue('scheduled', new Date('2026-12-03T14:00:00Z'), now)).toBe('attendance');
    expect(sessionDue('scheduled', new Date('2026-12-03T16:00:00Z'), now)).toBeNull();
    expect(sessionDue('attended', new Date('2026-12-03T14:00:00Z'), now)).toBe('notes');
    expect(sessionDue('notes_recorded', new Date('2026-12-03T14:00:00Z'), now)).toBe('sign-off');
    expect(sessionDue('signed_off', new Date('2026-12-03T14:00:00Z'), now)).toBeNull();
  });

  it('describes each event of the history', () => {
    expect(describeSessionEvent({ event: 'MARK_NOT_ATTENDED', fromState: 'scheduled', reason: 'unacceptable: No contact: none at all' })).toEqual({
      title: 'He did not come',
      lines: [
        { label: 'Judgement', text: 'He did not have an acceptable reason' },
        { label: 'Reason', text: 'No contact: none at all' },
      ],
    });
    expect(describeSessionEvent({ event: 'RECORD_NOTES', fromState: 'notes_recorded', reason: null })).toEqual({ title: 'Notes corrected', lines: [] });
    expect(describeSessionEvent({ event: 'RESCHEDULE', fromState: 'scheduled', reason: 'Hospital' })).toEqual({ title: 'Session moved', lines: [{ label: 'Reason', text: 'Hospital' }] });
    expect(describeSessionEvent({ event: 'SCHEDULE', fromState: null, reason: 'Moved from 14:00 to 15:00 on 3 December 2026. Hospital' }).title).toBe('Session booked');
  });
});
