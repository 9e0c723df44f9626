import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { doneText } from '#modules/sessions/banners';
import { errorAnchor, STEP_FIELDS, type SessionPageStep } from '#modules/sessions/form-fields';
import { ErrorSummary, errorTitle } from '~/components/form/error-summary';
import { usePageTitle } from '~/components/practitioners/practitioner-form';
import { SuccessBanner } from '~/components/staff/admin-parts';
import { NotesSummary, SessionConflict, SessionStepForms, SessionTimeline } from '~/components/staff/session-parts';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { sessionPageAction, sessionPageLoader } from '~/server/session-page.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `Session on ${data.date} (${data.reference})` : 'Session'} – ${STAFF_SERVICE_NAME}` }];

export const loader = sessionPageLoader;
export const action = sessionPageAction;

export default function SessionPage() {
  const view = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const errors = posted?.errors ?? {};
  const step = posted?.step ?? null;
  const version = Math.max(view.version, posted?.conflict?.version ?? 0);
  const order = [...new Set((step ? STEP_FIELDS[step] : []).map(errorAnchor))];
  const summary = [
    ...order.filter((field) => errors[field]).map((field) => ({ href: field, message: errors[field]! })),
    ...Object.keys(errors)
      .filter((field) => !order.includes(field))
      .map((field) => ({ href: 'next-steps', message: errors[field]! })),
    ...(posted?.refused ? [{ href: 'next-steps', message: posted.refused }] : []),
  ];
  const title = `Session on ${view.date}`;
  usePageTitle(errorTitle(`${title} (${view.reference}) – ${STAFF_SERVICE_NAME}`, summary.length > 0 || !!posted?.conflict));
  const valuesFor = (of: SessionPageStep): Record<string, string> => {
    const saved = of === 'RECORD_NOTES' ? view.notesValues : of === 'RESCHEDULE' ? { minutes: String(view.minutes) } : {};
    // What was typed wins; a field the post did not carry at all shows what is saved (an unticked box is carried as absent).
    if (posted?.step === of) return of === 'RECORD_NOTES' ? posted.values : { ...saved, ...posted.values };
    return saved;
  };
  const done = view.done && !posted ? view.done : null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {done ? (
          <SuccessBanner>
            {done.step === 'SCHEDULE' ? `Session booked for ${view.date}, ${view.time}.` : doneText(done)}
            {(done.step === 'SCHEDULE' || done.step === 'RESCHEDULE') && view.inviteHref ? (
              <>
                {' '}
                <a className="govuk-notification-banner__link" href={view.inviteHref} download>
                  Add it to your calendar (.ics)
                </a>
              </>
            ) : null}
          </SuccessBanner>
        ) : null}
        {posted?.conflict ? (
          <SessionConflict changes={posted.conflict.changes} notes={posted.conflict.notes} step={step} values={posted.values} formStillOffered={!!step && view.steps.includes(step)} />
        ) : (
          <ErrorSummary errors={summary} />
        )}
        <span className="govuk-caption-l">{view.personName ?? `Case ${view.reference}`}</span>
        <h1 className="govuk-heading-l">
          {title} <strong className={view.status.className}>{view.status.label}</strong>
        </h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Case</dt>
            <dd className="govuk-summary-list__value">
              <Link className="govuk-link" to={view.caseHref}>
                {view.reference}
              </Link>
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Name</dt>
            <dd className="govuk-summary-list__value">{view.personName ?? 'Not given'}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Date and time</dt>
            <dd className="govuk-summary-list__value">
              <time dateTime={view.startsAt}>{view.date}</time>, {view.time}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Module</dt>
            <dd className="govuk-summary-list__value">{view.moduleTitle}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Programme worker</dt>
            <dd className="govuk-summary-list__value">{view.workerName}</dd>
          </div>
          {view.absence ? (
            <>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Absence</dt>
                <dd className="govuk-summary-list__value">{view.absence.judgement}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Why he did not come</dt>
                <dd className="govuk-summary-list__value app-preserve-lines">{view.absence.reason}</dd>
              </div>
            </>
          ) : null}
        </dl>
        {view.inviteHref && !done ? (
          <p className="govuk-body">
            <a className="govuk-link" href={view.inviteHref} download>
              Download the calendar invite (.ics)
            </a>
          </p>
        ) : null}
        {view.movedTo ? (
          <div className="govuk-inset-text">
            This session was moved to{' '}
            <Link className="govuk-link" to={view.movedTo.href}>
              {view.movedTo.date}, {view.movedTo.time}
            </Link>
            .
          </div>
        ) : null}
        {view.notes ? <NotesSummary notes={view.notes} /> : null}

        {view.steps.length ? (
          <section aria-labelledby="next-steps" className="govuk-!-margin-bottom-6">
            <h2 className="govuk-heading-m" id="next-steps" tabIndex={-1}>
              What you can do
            </h2>
            {view.state === 'scheduled' && !view.started ? <p className="govuk-body">You can record whether he came once the session has started.</p> : null}
            <SessionStepForms
              steps={view.steps}
              version={version}
              errorStep={step}
              errors={errors}
              valuesFor={valuesFor}
              safeguardingRecorded={view.notes?.safeguardingConcern ?? false}
              notesRecorded={view.state === 'notes_recorded'}
              moduleTitle={view.moduleTitle}
              attendance={view.attendance}
              correctionRule={view.correctionRule}
              revision={String(posted?.revision ?? version)}
            />
          </section>
        ) : (
          <span id="next-steps" tabIndex={-1} />
        )}
      </div>
      <div className="govuk-grid-column-one-third">
        <h2 className="govuk-heading-m">History</h2>
        <SessionTimeline items={view.history} />
      </div>
    </div>
  );
}
