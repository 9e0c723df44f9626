import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { DateInput } from '~/components/form/date-input';
import { ErrorSummary, errorList, errorTitle } from '~/components/form/error-summary';
import { Select, TextInput } from '~/components/form/fields';
import { usePageTitle } from '~/components/practitioners/practitioner-form';
import { StaffForm } from '~/components/staff/staff-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { bookingAction, bookingLoader } from '~/server/session-booking.server';

const TITLE = `Book a session – ${STAFF_SERVICE_NAME}`;
export const meta: MetaFunction = () => [{ title: TITLE }];

export const loader = bookingLoader;
export const action = bookingAction;

const ORDER = ['module', 'date', 'time', 'minutes'];

const sessionsWord = (n: number) => (n === 1 ? '1 session' : `${n} sessions`);

export default function BookSession() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { view } = posted ?? loaded;
  const values = posted?.values ?? loaded.values;
  const errors = posted?.errors ?? {};
  const summary = [...errorList(errors, ORDER), ...(posted?.refused ? [{ href: 'book', message: posted.refused }] : [])];
  usePageTitle(errorTitle(TITLE, summary.length > 0));
  const caseHref = `/staff/referrals/${view.referralId}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} />
        <span className="govuk-caption-l">
          Case {view.reference}
          {view.personName ? `: ${view.personName}` : ''}
        </span>
        <h1 className="govuk-heading-l" id="book" tabIndex={-1}>
          Book a session
        </h1>
        {view.schedulable ? (
          <StaffForm key={posted?.revision ?? 'loaded'}>
            <p className="govuk-body">
              {view.bookingForSelf ? 'The session will be in your diary.' : `The session will be held by ${view.workerName ?? 'the allocated worker'}, and will be in their diary.`}{' '}
              {view.phase === 'assessment' ? 'Until his individual plan is signed off, sessions are for the assessment.' : null}
            </p>
            <Select
              id="module"
              name="module"
              label="Module"
              hint="The number of sessions of each module booked or held so far, of those planned."
              value={values.module}
              error={errors.module}
              options={[
                ...(view.suggested ? [] : [{ value: '', label: 'Choose a module' }]),
                ...view.modules.map((m) => ({ value: m.key, label: `${m.title} (${m.booked} of ${sessionsWord(m.planned)})` })),
              ]}
            />
            <DateInput
              id="date"
              name="date"
              label="Date"
              hint="For example, 3 12 2026"
              error={errors.date}
              values={{ day: values['date-day'], month: values['date-month'], year: values['date-year'] }}
            />
            <TextInput id="time" name="time" label="Time" hint="Use the 24-hour clock, for example, 14:30" value={values.time} error={errors.time} width="5" />
            <TextInput
              id="minutes"
              name="minutes"
              label="Length in minutes"
              hint={`A session usually lasts ${view.defaultMinutes} minutes.`}
              value={values.minutes}
              error={errors.minutes}
              width="3"
              inputMode="numeric"
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Book the session
              </button>
              <Link className="govuk-link" to={caseHref}>
                Back to the case
              </Link>
            </div>
          </StaffForm>
        ) : (
          <>
            <p className="govuk-body">Sessions can be booked only for a case that is allocated, being assessed or in the programme.</p>
            <p className="govuk-body">
              <Link className="govuk-link" to={caseHref}>
                Back to the case
              </Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
