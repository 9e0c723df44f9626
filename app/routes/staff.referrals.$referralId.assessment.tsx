import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { ASSESSMENT_FIELDS } from '#modules/assessment/forms';
import { ErrorSummary, errorList } from '~/components/form/error-summary';
import { SuccessBanner } from '~/components/staff/admin-parts';
import { AssessmentConflictPanel, AssessmentForm, AssessmentSummary } from '~/components/staff/assessment-parts';
import { formatDateTime } from '~/components/staff/dates';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { assessmentAction, assessmentLoader } from '~/server/assessment.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Assessment${data ? ` – Case ${data.reference}` : ''} – ${STAFF_SERVICE_NAME}` }];

export const loader = assessmentLoader;
export const action = assessmentAction;

export default function AssessmentPage() {
  const view = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const summary = [...errorList(errors, [...ASSESSMENT_FIELDS]), ...(data?.refused ? [{ href: 'assessment-form', message: data.refused }] : [])];
  const values = data ? data.values : (view.fields ?? {});
  const version = data?.conflict ? data.conflict.version : view.version;
  const caseHref = `/staff/referrals/${view.referralId}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={caseHref} className="govuk-back-link">
          Back to case {view.reference}
        </Link>
        {view.done && !data ? <SuccessBanner>Assessment saved.</SuccessBanner> : null}
        {data?.conflict ? <AssessmentConflictPanel conflict={data.conflict} /> : <ErrorSummary errors={summary} />}
        <span className="govuk-caption-l">
          Case {view.reference}
          {view.personName ? ` · ${view.personName}` : ''}
        </span>
        <h1 className="govuk-heading-l">Assessment</h1>
        <p className="govuk-body">
          The case is <strong className={view.status.className}>{view.status.label}</strong>
        </p>
        {view.updatedAt ? (
          <p className="govuk-body app-secondary-text">
            Last saved{view.updatedByName ? ` by ${view.updatedByName}` : ''}, {formatDateTime(view.updatedAt)}.
          </p>
        ) : (
          <p className="govuk-body app-secondary-text">Nothing has been saved yet.</p>
        )}
        {view.missing.length ? (
          <div className="govuk-inset-text">
            Before the plan can be signed off, fill in: {view.missing.join(', ')}. You can save the assessment as you go, over as many sessions as it takes.
          </div>
        ) : (
          <div className="govuk-inset-text">All five parts are filled in.</div>
        )}

        <div id="assessment-form" tabIndex={-1}>
          {view.editable ? (
            <AssessmentForm values={values} version={version} errors={errors} conflict={data?.conflict ?? null} planOffered={view.planOffered} />
          ) : (
            <>
              <div className="govuk-inset-text">{view.notEditable}</div>
              <AssessmentSummary fields={view.fields} />
            </>
          )}
        </div>
        <p className="govuk-body">
          {view.planOffered ? (
            <>
              <Link className="govuk-link" to={`/staff/referrals/${view.referralId}/plan`}>
                Go to the plan
              </Link>{' '}
              or{' '}
            </>
          ) : null}
          <Link className="govuk-link" to={caseHref}>
            go back to the case
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
