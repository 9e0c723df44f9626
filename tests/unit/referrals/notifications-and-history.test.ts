import { describe, expect, it } from 'vitest';
import { caseTimeline, describeCaseEvent, describeReport, describeSession, mergeTimelines, type CaseHistoryEntry } from '../../../modules/referrals/history';
import { caseNotice } from '../../../modules/referrals/notifications';

const LINK = 'https://choice.example/staff/referrals/0b6e6ad8-1f7e-4a43-9b3e-7c4f1d2e3a4b';

describe('the emails a step sends', () => {
  it('tells the referrer CHOICE needs more information, with the link and nothing else about the case', () => {
    const notice = caseNotice('REQUEST_INFORMATION', 'CH-000123', LINK)!;
    expect(notice.to).toBe('referrer');
    expect(notice.subject).toBe('CHOICE needs more information about referral CH-000123');
    expect(notice.text).toContain(LINK);
    expect(notice.text).toContain('does not contain any case details');
  });

  it('tells the referrer a decision was made, without saying which', () => {
    for (const event of ['DECLINE', 'ACCEPT'] as const) {
      const notice = caseNotice(event, 'CH-000123', LINK)!;
      expect(notice.subject).toBe('CHOICE has made a decision about referral CH-000123');
      expect(notice.text).not.toMatch(/declin|accept/i);
    }
  });

  it('tells a worker a case is theirs', () => {
    expect(caseNotice('ALLOCATE', 'CH-000123', LINK)).toMatchObject({ to: 'worker', subject: 'A case has been allocated to you' });
  });

  it('sends nothing for the other steps', () => {
    for (const event of ['SUBMIT', 'START_SCREENING', 'PROVIDE_INFORMATION', 'CLOSE'] as const) expect(caseNotice(event, 'CH-000123', LINK)).toBeNull();
  });
});

const entry = (id: number, event: string, fromState: string | null, toState: string, extra: Partial<CaseHistoryEntry> = {}): CaseHistoryEntry => ({
  id,
  version: id,
  occurredAt: new Date(`2026-11-${String(10 + id).padStart(2, '0')}T10:00:00Z`),
  event,
  fromState,
  toState,
  reason: null,
  actorName: 'Fiona Fiscal',
  actorOrganisation: 'COPFS Edinburgh',
  allocatedToName: null,
  ...extra,
});

describe('the case timeline', () => {
  it('describes each step in words, with who and the words they gave', () => {
    expect(describeCaseEvent(entry(3, 'REQUEST_INFORMATION', 'submitted', 'more_information_requested', { reason: 'His address.', actorName: 'Morag Manager', actorOrganisation: 'CHOICE' }))).toEqual({
      id: 'event-3',
      occurredAt: '2026-11-13T10:00:00.000Z',
      title: 'CHOICE asked for more information',
      byline: 'Morag Manager, CHOICE',
      lines: [{ label: 'What CHOICE asked', text: 'His address.' }],
    });
    expect(describeCaseEvent(entry(5, 'ALLOCATE', 'accepted', 'allocated', { allocatedToName: 'Wendy Worker' })).title).toBe('Case allocated to Wendy Worker');
    expect(describeCaseEvent(entry(6, 'ALLOCATE', 'allocated', 'allocated', { allocatedToName: 'Walter Worker' })).title).toBe('Case reallocated to Walter Worker');
    expect(describeCaseEvent(entry(7, 'SUBMIT', 'more_information_requested', 'submitted')).title).toBe('Referral sent to CHOICE again');
    expect(describeCaseEvent(entry(8, 'EDIT', 'more_information_requested', 'more_information_requested', { reason: 'person' })).lines).toEqual([{ label: 'Part of the referral', text: 'About him' }]);
  });

  it('shows the newest first, and leaves out the referrer’s drafting', () => {
    const timeline = caseTimeline([
      entry(1, 'CREATE', null, 'draft'),
      entry(2, 'EDIT', 'draft', 'draft', { reason: 'person' }),
      entry(3, 'SUBMIT', 'draft', 'submitted'),
      entry(4, 'REQUEST_INFORMATION', 'submitted', 'more_information_requested', { reason: 'Dates?' }),
      entry(5, 'EDIT', 'more_information_requested', 'more_information_requested', { reason: 'offence' }),
    ], 'referrer');
    expect(timeline.map((item) => item.title)).toEqual(['Details changed', 'CHOICE asked for more information', 'Referral sent to CHOICE', 'Referral started']);
  });
});

describe('what the timeline says, and to whom', () => {
  it('says why a programme ended in words, never its code, and keeps what happened and CHOICE’s own notes from the referrer', () => {
    const ended = entry(9, 'END_EARLY', 'in_programme', 'ended_early', { reason: 'non_compliance: Missed three sessions in October.' });
    expect(describeCaseEvent(ended, 'referrer').lines).toEqual([{ label: 'Reason', text: 'He did not keep to the programme' }]);
    expect(describeCaseEvent(ended, 'staff').lines).toEqual([
      { label: 'Reason', text: 'He did not keep to the programme' },
      { label: 'What happened', text: 'Missed three sessions in October.' },
    ]);
    const closed = entry(10, 'CLOSE', 'ended_early', 'closed', { reason: 'Internal: manager spoke to the fiscal by phone.' });
    expect(describeCaseEvent(closed, 'referrer').lines).toEqual([]);
    expect(describeCaseEvent(closed, 'staff').lines).toEqual([{ label: 'Closing note', text: 'Internal: manager spoke to the fiscal by phone.' }]);
    const overridden = entry(11, 'COMPLETE', 'in_programme', 'completed', { reason: 'Completion recorded by a manager with 3 of the 24 sessions the rule asks for: moved away.' });
    expect(describeCaseEvent(overridden, 'referrer').lines).toEqual([]);
    for (const audience of ['referrer', 'staff'] as const) expect(JSON.stringify(describeCaseEvent(ended, audience))).not.toContain('non_compliance');
  });
});

describe('sessions and reports on the case timeline', () => {
  const session = {
    id: 's1',
    startsAt: new Date('2026-12-03T14:00:00Z'),
    moduleTitle: 'Motivation',
    absenceJudgement: null,
    absenceReason: null,
    workerName: 'Wendy Worker',
  };

  it('shows sessions he came to and missed, and nothing for booked, moved or cancelled ones', () => {
    expect(describeSession({ ...session, state: 'notes_recorded' }, 'referrer')?.title).toBe('Session attended: Motivation');
    for (const state of ['scheduled', 'rescheduled', 'cancelled']) expect(describeSession({ ...session, state }, 'staff')).toBeNull();
  });

  it('tells a referrer whether an absence was accepted, and only CHOICE staff the reason he gave', () => {
    const missed = { ...session, state: 'not_attended', absenceJudgement: 'unacceptable' as const, absenceReason: 'Said he forgot.' };
    expect(describeSession(missed, 'referrer')).toMatchObject({ title: 'Session missed without an acceptable reason: Motivation', lines: [] });
    expect(describeSession(missed, 'staff')?.lines).toEqual([{ label: 'Reason', text: 'Said he forgot.' }]);
    expect(describeSession({ ...missed, absenceJudgement: 'acceptable' }, 'referrer')?.title).toBe('Session missed, reason accepted: Motivation');
  });

  it('links a sent report, and merges everything newest first', () => {
    const report = describeReport({ id: 'r1', title: 'CHOICE completion report', signedOffAt: new Date('2026-12-10T09:00:00Z'), signedOffByName: 'Morag Manager', href: '/staff/referrals/x/reports/r1' });
    expect(report.link).toEqual({ href: '/staff/referrals/x/reports/r1', text: 'Read the completion report' });
    const attended = describeSession({ ...session, state: 'attended' }, 'staff')!;
    const event = describeCaseEvent(entry(3, 'START_PROGRAMME', 'assessment', 'in_programme'));
    expect(mergeTimelines([event], [attended, report]).map((item) => item.id)).toEqual(['report-r1', 'session-s1', 'event-3']);
  });
});
