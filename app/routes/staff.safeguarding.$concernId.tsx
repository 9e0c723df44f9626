import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { DateInput } from '~/components/form/date-input';
import { ErrorSummary, errorTitle } from '~/components/form/error-summary';
import { Textarea, TextInput } from '~/components/form/fields';
import { usePageTitle } from '~/components/practitioners/practitioner-form';
import { SuccessBanner } from '~/components/staff/admin-parts';
import { formatDateTime } from '~/components/staff/dates';
import { StaffForm } from '~/components/staff/staff-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { concernPageAction, concernPageLoader } from '~/server/safeguarding.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Safeguarding concern${data ? ` on case ${data.concern.reference}` : ''} – ${STAFF_SERVICE_NAME}` }];
export const loader = concernPageLoader;
export const action = concernPageAction;

const FIELD_ORDER = ['what', 'who', 'on'];
const DONE = { acknowledge: 'Concern acknowledged. Record what was done once it has been.', 'record-action': 'What was done has been recorded. The case can be signed off again.' } as const;

const formatDay = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

export default function SafeguardingConcern() {
  const { concern, done } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const errors = posted?.errors ?? {};
  const values = posted?.values ?? {};
  const summary = [
    ...FIELD_ORDER.filter((field) => errors[field]).map((field) => ({ href: field === 'on' ? 'on' : field, message: errors[field]! })),
    ...Object.keys(errors)
      .filter((field) => !FIELD_ORDER.includes(field))
      .map((field) => ({ href: 'steps', message: errors[field]! })),
    ...(posted?.refused ? [{ href: 'steps', message: posted.refused }] : []),
  ];
  usePageTitle(errorTitle(`Safeguarding concern on case ${concern.reference} – ${STAFF_SERVICE_NAME}`, summary.length > 0));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {done && !posted ? <SuccessBanner>{DONE[done]}</SuccessBanner> : null}
        <ErrorSummary errors={summary} />
        <span className="govuk-caption-l">
          <Link className="govuk-link" to="/staff/safeguarding">
            Safeguarding concerns
          </Link>
        </span>
        <h1 className="govuk-heading-l">Safeguarding concern on case {concern.reference}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Case</dt>
            <dd className="govuk-summary-list__value">
              <Link className="govuk-link" to={concern.caseHref}>
                {concern.reference}
              </Link>
              {concern.personName ? `, ${concern.personName}` : ''}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Recorded</dt>
            <dd className="govuk-summary-list__value">
              {formatDateTime(concern.raisedAt)} by {concern.raisedByName ?? 'a worker'}
              {concern.session ? (
                <>
                  , in the notes of the{' '}
                  <Link className="govuk-link" to={concern.session.href}>
                    session on {concern.session.date}
                  </Link>
                </>
              ) : null}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">The concern</dt>
            <dd className="govuk-summary-list__value app-preserve-lines">{concern.session?.concerns ?? 'See the session’s notes.'}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Acknowledged</dt>
            <dd className="govuk-summary-list__value">{concern.acknowledged ? `${formatDateTime(concern.acknowledged.at)} by ${concern.acknowledged.byName ?? 'a manager'}` : 'Not yet'}</dd>
          </div>
          {concern.action ? (
            <>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">What was done</dt>
                <dd className="govuk-summary-list__value app-preserve-lines">{concern.action.what}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">By or with whom</dt>
                <dd className="govuk-summary-list__value">{concern.action.who}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">When</dt>
                <dd className="govuk-summary-list__value">
                  {formatDay(concern.action.on)} (recorded {formatDateTime(concern.action.recordedAt)} by {concern.action.recordedByName ?? 'a manager'})
                </dd>
              </div>
            </>
          ) : null}
        </dl>

        <div id="steps" tabIndex={-1}>
          {concern.state === 'open' ? (
            <StaffForm className="govuk-!-margin-bottom-8" aria-labelledby="acknowledge-title">
              <h2 className="govuk-heading-m" id="acknowledge-title">
                Acknowledge the concern
              </h2>
              <p className="govuk-body">Say that you have read it and are dealing with it. The worker and other managers see who did, and when.</p>
              <input type="hidden" name="intent" value="acknowledge" />
              <input type="hidden" name="version" value={concern.version} />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Acknowledge
              </button>
            </StaffForm>
          ) : null}
          {concern.state !== 'actioned' ? (
            <StaffForm aria-labelledby="action-title" key={`${concern.version}-${posted ? 'posted' : ''}`}>
              <h2 className="govuk-heading-m" id="action-title">
                Record what was done
              </h2>
              <p className="govuk-body">Once this is recorded the concern is dealt with, and the case&apos;s plan, sessions and reports can be signed off again. A later worry is recorded as a new concern.</p>
              <input type="hidden" name="intent" value="record-action" />
              <input type="hidden" name="version" value={concern.version} />
              <Textarea id="what" name="what" label="What was done?" hint="For example, who was told, what they said, and what happens next." value={values.what} error={errors.what} rows={5} />
              <TextInput id="who" name="who" label="Who did it, or who was told?" hint="For example, Police Scotland on 101, or the social work duty team." value={values.who} error={errors.who} />
              <DateInput id="on" name="on" label="When was it done?" hint="For example, 27 11 2026" error={errors.on} values={{ day: values['on-day'], month: values['on-month'], year: values['on-year'] }} />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Record what was done
              </button>
            </StaffForm>
          ) : null}
        </div>
      </div>
    </div>
  );
}
