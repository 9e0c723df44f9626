import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { CaseSessions, type CaseSessionsProps } from '../../../app/components/staff/case-sessions';
import type { ReferrerSessionRow, StaffSessionRow } from '../../../modules/sessions/case-sessions';
import { sessionOutcomeTag, sessionStaffTag } from '../../../modules/sessions/session-status';

const render = (props: CaseSessionsProps) => renderToStaticMarkup(createElement(MemoryRouter, null, createElement(CaseSessions, props)));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

const shared = { startsAt: '2026-12-03T14:00:00.000Z', date: 'Thursday 3 December 2026', time: '14:00 to 15:00', moduleTitle: 'Motivation' };
const referrerRow: ReferrerSessionRow = { audience: 'referrer', ...shared, outcome: sessionOutcomeTag('not_attended', 'unacceptable') };
const staffRow: StaffSessionRow = {
  audience: 'staff',
  ...shared,
  outcome: sessionOutcomeTag('attended', null),
  id: 'session-1',
  href: '/staff/sessions/session-1',
  state: 'attended',
  status: sessionStaffTag('attended', null),
  due: 'notes',
  dueLabel: 'Notes due',
  notesDue: true,
  signOffDue: false,
  safeguardingConcern: true,
};

describe('a case’s sessions on the case page', () => {
  it('shows a referrer the date, time, module and outcome, with no links', () => {
    const html = render({ sessions: [referrerRow], referralId: 'r-1', canSchedule: false });
    expect(text(html)).toBe('Sessions Sessions, oldest first Date Time Module Outcome Thursday 3 December 2026 14:00 to 15:00 Motivation Missed – no acceptable reason');
    expect(html).toContain('class="govuk-tag govuk-tag--red"');
    expect(html).toContain('<time dateTime="2026-12-03T14:00:00.000Z">');
    expect(html).not.toContain('<a ');
  });

  it('shows CHOICE staff the state, what is due, a safeguarding flag, the link, and "Book a session"', () => {
    const html = render({ sessions: [staffRow], referralId: 'r-1', canSchedule: true });
    expect(text(html)).toContain('Attended – notes due Notes due Safeguarding concern View the session on Thursday 3 December 2026');
    expect(html).toContain('href="/staff/sessions/session-1"');
    expect(html).toContain('class="moj-badge moj-badge--red');
    expect(html).toMatch(/<a class="govuk-button govuk-button--secondary" role="button"[^>]*href="\/staff\/referrals\/r-1\/sessions\/new">Book a session<\/a>/);
  });

  it('says when there are no sessions yet, and offers booking only when allowed', () => {
    expect(text(render({ sessions: [], referralId: 'r-1', canSchedule: false }))).toBe('Sessions No sessions have been booked yet.');
  });
});
