import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorSummary, errorList, errorTitle } from '~/components/form/error-summary';
import { Radios } from '~/components/form/fields';
import { usePageTitle } from '~/components/practitioners/practitioner-form';
import { StaffForm } from '~/components/staff/staff-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { prepareReportAction, prepareReportLoader } from '~/server/reports.server';

const TITLE = `Prepare a report – ${STAFF_SERVICE_NAME}`;

export const meta: MetaFunction = () => [{ title: TITLE }];

export const loader = prepareReportLoader;
export const action = prepareReportAction;

export default function PrepareReport() {
  const page = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const summary = errorList(errors, ['kind']);
  usePageTitle(errorTitle(TITLE, summary.length > 0));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={page.caseHref} className="govuk-back-link">
          Back to referral {page.reference}
        </Link>
        <ErrorSummary errors={summary} />
        <span className="govuk-caption-l">Referral {page.reference}</span>
        {page.kinds.length ? (
          <StaffForm>
            <Radios
              id="kind"
              name="kind"
              label="Which report do you want to prepare?"
              isPageHeading
              error={errors.kind}
              options={page.kinds.map((option) => ({
                value: option.kind,
                label: option.title,
                hint: option.waiting ? `${option.hint} One is already waiting for sign-off: preparing it again refreshes its figures.` : option.hint,
              }))}
            />
            <p className="govuk-body">The report is made from the case as it is now. A CHOICE manager checks it and signs it off before the referrer can see it.</p>
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Prepare the report
            </button>
          </StaffForm>
        ) : (
          <>
            <h1 className="govuk-heading-l">Prepare a report</h1>
            <p className="govuk-body">No report can be prepared at this stage of the case. Reports are prepared once he is in the programme, and when it ends.</p>
            <p className="govuk-body">
              <Link className="govuk-link" to={page.caseHref}>
                Go back to the case
              </Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
