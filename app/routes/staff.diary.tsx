import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import type { DiaryAttentionView, DiarySessionView } from '#modules/sessions/diary-page';
import { ErrorSummary, errorTitle } from '~/components/form/error-summary';
import { Select, TextInput } from '~/components/form/fields';
import { InformationBanner } from '~/components/staff/admin-parts';
import { PageLinks } from '~/components/staff/page-links';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { diaryLoader } from '~/server/diary.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const whose = !data || data.worker.own ? 'Your diary' : `Diary of ${data.worker.name}`;
  const hasErrors = !!data && (!!data.errors.week || !!data.errors.from || (!!data.workers && !!data.errors.worker));
  return [{ title: `${errorTitle(data ? `${whose}, ${data.week.range}` : 'Diary', hasErrors)} – ${STAFF_SERVICE_NAME}` }];
};

export const loader = diaryLoader;

const sessionHref = (id: string) => `/staff/sessions/${id}`;
const caseHref = (id: string) => `/staff/referrals/${id}`;

function CaseCell({ session }: { session: DiarySessionView }) {
  if (!session.caseVisible) {
    return (
      <>
        {session.reference}
        <span className="govuk-hint govuk-!-margin-0 govuk-body-s">Now with another worker</span>
      </>
    );
  }
  return (
    <Link className="govuk-link" to={caseHref(session.referralId)}>
      {session.reference}
    </Link>
  );
}

function SessionLink({ session, children }: { session: DiarySessionView; children: string }) {
  return (
    <Link className="govuk-link" to={sessionHref(session.id)}>
      {children}
      <span className="govuk-visually-hidden">
        {' '}
        ({session.reference}, {session.time})
      </span>
    </Link>
  );
}

const NEEDED: Record<DiaryAttentionView['reason'], string> = {
  attendance: 'Record whether he attended',
  notes: 'Write the session notes',
};

function AttentionPanel({ sessions, more, own }: { sessions: DiaryAttentionView[]; more: boolean; own: boolean }) {
  return (
    <section className="govuk-inset-text" aria-labelledby="attention-title" id="attention">
      <h2 className="govuk-heading-m" id="attention-title">
        {own ? 'Needs your attention' : 'Needs attention'}
      </h2>
      {sessions.length ? (
        <>
          <p className="govuk-body">Sessions whose time has passed, oldest first, from the last 6 months.</p>
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">Sessions that need attention</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  When
                </th>
                <th scope="col" className="govuk-table__header">
                  Case
                </th>
                <th scope="col" className="govuk-table__header">
                  What is needed
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {sessions.map((session) => (
                <tr className="govuk-table__row" key={session.id}>
                  <td className="govuk-table__cell">{session.when}</td>
                  <td className="govuk-table__cell">
                    <CaseCell session={session} />
                    {session.personName ? <span className="govuk-!-display-block">{session.personName}</span> : null}
                  </td>
                  <td className="govuk-table__cell">
                    <SessionLink session={session}>{NEEDED[session.reason]}</SessionLink>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {more ? <p className="govuk-body">There are more. Deal with these first and the next ones will appear here.</p> : null}
        </>
      ) : (
        <p className="govuk-body govuk-!-margin-bottom-0">Nothing at the moment: every session that has happened has its attendance and notes recorded.</p>
      )}
    </section>
  );
}

function DayTable({ sessions, heading }: { sessions: DiarySessionView[]; heading: string }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-visually-hidden">Sessions on {heading}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Time
          </th>
          <th scope="col" className="govuk-table__header">
            Case
          </th>
          <th scope="col" className="govuk-table__header">
            Name
          </th>
          <th scope="col" className="govuk-table__header">
            Module
          </th>
          <th scope="col" className="govuk-table__header">
            Status
          </th>
          <th scope="col" className="govuk-table__header">
            <span className="govuk-visually-hidden">Session</span>
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {sessions.map((session) => (
          <tr className="govuk-table__row" key={session.id}>
            <td className="govuk-table__cell">
              <time dateTime={session.startsAt}>{session.time}</time>
            </td>
            <td className="govuk-table__cell">
              <CaseCell session={session} />
            </td>
            <td className="govuk-table__cell">{session.personName ?? '–'}</td>
            <td className="govuk-table__cell">{session.moduleTitle}</td>
            <td className="govuk-table__cell">
              <strong className={session.status.className}>{session.status.label}</strong>
            </td>
            <td className="govuk-table__cell">
              <SessionLink session={session}>Open session</SessionLink>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function Diary() {
  const data = useLoaderData<typeof loader>();
  const { worker, workers, week, days, links, attention, errors, values } = data;
  // A worker asking for someone else's diary is told so, not given an error to fix.
  const refusal = !workers && errors.worker ? errors.worker : null;
  const summary = [
    ...(workers && errors.worker ? [{ href: 'worker', message: errors.worker }] : []),
    ...(errors.week ? [{ href: 'from', message: errors.week }] : []),
    ...(errors.from ? [{ href: 'from', message: errors.from }] : []),
  ];
  const whose = worker.own ? 'Your diary' : `Diary of ${worker.name}`;
  return (
    <>
      {refusal ? <InformationBanner>{refusal}</InformationBanner> : null}
      <ErrorSummary errors={summary} />
      <span className="govuk-caption-l">
        {whose}
        {worker.active ? '' : ' (account closed)'}
      </span>
      <h1 className="govuk-heading-l">
        {week.range}
        {week.isThisWeek ? (
          <>
            {' '}
            <strong className="govuk-tag govuk-tag--light-blue">This week</strong>
          </>
        ) : null}
      </h1>

      <div className="govuk-grid-row">
        {workers ? (
          <div className="govuk-grid-column-one-half">
            <Form method="get" key={`worker-${worker.id}`} aria-label="Whose diary">
              <input type="hidden" name="week" value={week.name} />
              <Select
                id="worker"
                name="worker"
                label="Whose diary"
                error={errors.worker}
                value={worker.id}
                options={workers.map((w) => ({ value: w.id, label: `${w.name}${w.active ? '' : ' (account closed)'}` }))}
              />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Show diary
              </button>
            </Form>
          </div>
        ) : null}
        <div className="govuk-grid-column-one-half">
          <Form method="get" key={`week-${week.name}`} aria-label="Go to a week">
            {worker.own ? null : <input type="hidden" name="worker" value={worker.id} />}
            <TextInput id="from" name="from" label="Go to the week of" hint="For example, 23/11/2026" value={values.from} error={errors.from ?? errors.week} width="10" />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Go
            </button>
          </Form>
        </div>
      </div>

      <PageLinks
        label="Weeks"
        previous={links.previous ? { to: links.previous, text: 'Previous week' } : null}
        next={links.next ? { to: links.next, text: 'Next week' } : null}
      />
      {links.thisWeek ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={links.thisWeek}>
            This week
          </Link>
        </p>
      ) : null}

      <AttentionPanel sessions={attention.sessions} more={attention.more} own={worker.own} />

      {links.weekStart ? (
        <p className="govuk-body">
          This week has more sessions than one page holds: these are the later ones.{' '}
          <Link className="govuk-link" to={links.weekStart}>
            Show the start of the week
          </Link>
        </p>
      ) : null}

      {days.map((day) => (
        <section key={day.day} aria-labelledby={`day-${day.day}`} className="govuk-!-margin-bottom-6">
          <h2 className="govuk-heading-m" id={`day-${day.day}`}>
            {day.heading}
            {day.today ? (
              <>
                {' '}
                <strong className="govuk-tag govuk-tag--light-blue">Today</strong>
              </>
            ) : null}
          </h2>
          {day.sessions.length ? <DayTable sessions={day.sessions} heading={day.heading} /> : <p className="govuk-body">No sessions.</p>}
        </section>
      ))}

      {links.nextPage ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={links.nextPage}>
            Later sessions this week
          </Link>
        </p>
      ) : null}

      <PageLinks
        label="Weeks, at the end of the diary"
        previous={links.previous ? { to: links.previous, text: 'Previous week' } : null}
        next={links.next ? { to: links.next, text: 'Next week' } : null}
      />
    </>
  );
}
