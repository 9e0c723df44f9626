/**
 * A case's sessions as a GOV.UK table, for the case page. A referrer sees the date,
 * time, module and whether he came; CHOICE staff also see each session's state, what is
 * due on it and a link to it, and (when they may) a button to book another.
 */
import { Link } from '@remix-run/react';
import type { CaseSessionRow } from '#modules/sessions/case-sessions';

export interface CaseSessionsProps {
  sessions: CaseSessionRow[];
  referralId: string;
  /** Whether to offer "Book a session". */
  canSchedule: boolean;
}

export function CaseSessions({ sessions, referralId, canSchedule }: CaseSessionsProps) {
  const staff = sessions.some((session) => session.audience === 'staff') || canSchedule;
  return (
    <section aria-labelledby="case-sessions-title" className="govuk-!-margin-bottom-6" id="sessions">
      <h2 className="govuk-heading-m" id="case-sessions-title">
        Sessions
      </h2>
      {sessions.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Sessions, oldest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Date
              </th>
              <th scope="col" className="govuk-table__header">
                Time
              </th>
              <th scope="col" className="govuk-table__header">
                Module
              </th>
              <th scope="col" className="govuk-table__header">
                {staff ? 'Status' : 'Outcome'}
              </th>
              {staff ? (
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Session</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {sessions.map((session) => (
              <tr className="govuk-table__row" key={session.audience === 'staff' ? session.id : session.startsAt}>
                <td className="govuk-table__cell">
                  <time dateTime={session.startsAt}>{session.date}</time>
                </td>
                <td className="govuk-table__cell">{session.time}</td>
                <td className="govuk-table__cell">{session.moduleTitle}</td>
                <td className="govuk-table__cell">
                  {session.audience === 'staff' ? (
                    <>
                      <strong className={session.status.className}>{session.status.label}</strong>
                      {session.dueLabel ? (
                        <>
                          <br />
                          <span className="moj-badge moj-badge--purple govuk-!-margin-top-1">{session.dueLabel}</span>
                        </>
                      ) : null}
                      {session.safeguardingConcern ? (
                        <>
                          <br />
                          <span className="moj-badge moj-badge--red govuk-!-margin-top-1">Safeguarding concern</span>
                        </>
                      ) : null}
                    </>
                  ) : (
                    <strong className={session.outcome.className}>{session.outcome.label}</strong>
                  )}
                </td>
                {session.audience === 'staff' ? (
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={session.href}>
                      View<span className="govuk-visually-hidden"> the session on {session.date}</span>
                    </Link>
                  </td>
                ) : staff ? (
                  <td className="govuk-table__cell" />
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">No sessions have been booked yet.</p>
      )}
      {canSchedule ? (
        <Link className="govuk-button govuk-button--secondary" to={`/staff/referrals/${referralId}/sessions/new`} role="button" data-module="govuk-button">
          Book a session
        </Link>
      ) : null}
    </section>
  );
}
