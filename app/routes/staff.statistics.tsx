import type { MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { REFERRAL_ROUTES } from '#db/schema';
import { ROUTE_LABELS } from '#modules/referrals/labels';
import { OUTCOME_LABELS } from '#modules/referrals/outcomes';
import { caseStatus } from '#modules/referrals/status';
import { CASE_STATES } from '#modules/referrals/case-machine';
import { ErrorSummary } from '~/components/form/error-summary';
import { Select } from '~/components/form/fields';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { statisticsLoader } from '~/server/statistics.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.error ? 'Error: ' : ''}Statistics – ${STAFF_SERVICE_NAME}` }];

export const loader = statisticsLoader;

const SHORT_ROUTE: Record<(typeof REFERRAL_ROUTES)[number], string> = {
  diversion: 'Diversion',
  structured_deferred_sentence: 'Deferred sentence',
  community_payback_order: 'Community payback',
  other_community_order: 'Other order',
  licence: 'Licence',
};

export default function Statistics() {
  const { error, asked, years, statistics } = useLoaderData<typeof loader>();
  const period = statistics.year === null ? 'since the service began' : `in ${statistics.year}`;
  const open = CASE_STATES.filter((state) => statistics.openByState[state]);
  return (
    <>
      <ErrorSummary errors={error ? [{ href: 'year', message: error }] : []} />
      <h1 className="govuk-heading-l">Statistics</h1>
      <p className="govuk-body">How CHOICE cases ended, by route, and where open cases are now. These are counts only.</p>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <Select
          id="year"
          name="year"
          label="Cases closed"
          error={error ?? undefined}
          value={error ? undefined : asked}
          options={[...years.map((year) => ({ value: String(year), label: `In ${year}` })), { value: 'all', label: 'Since the service began' }]}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Show
        </button>
      </Form>

      <h2 className="govuk-heading-m">Cases closed {period}</h2>
      {statistics.closedTotal === 0 ? (
        <p className="govuk-body">No cases were closed {period}.</p>
      ) : (
        <>
          <p className="govuk-body">
            {statistics.closedTotal} {statistics.closedTotal === 1 ? 'case' : 'cases'} closed.
            {statistics.completionRate !== null ? ` Of the men who started and finished or left the programme, ${statistics.completionRate}% completed it.` : ''}
          </p>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Cases closed {period}, by outcome and route</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Outcome
                </th>
                {REFERRAL_ROUTES.map((route) => (
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={route}>
                    <abbr title={ROUTE_LABELS[route]}>{SHORT_ROUTE[route]}</abbr>
                  </th>
                ))}
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Total
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {statistics.outcomes.map((row) => (
                <tr className="govuk-table__row" key={row.outcome}>
                  <th scope="row" className="govuk-table__header">
                    {OUTCOME_LABELS[row.outcome]}
                  </th>
                  {REFERRAL_ROUTES.map((route) => (
                    <td className="govuk-table__cell govuk-table__cell--numeric" key={route}>
                      {row.byRoute[route]}
                    </td>
                  ))}
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h2 className="govuk-heading-m">Open now</h2>
      {open.length === 0 ? (
        <p className="govuk-body">There are no open referrals or cases.</p>
      ) : (
        <dl className="govuk-summary-list">
          {open.map((state) => (
            <div className="govuk-summary-list__row" key={state}>
              <dt className="govuk-summary-list__key">{caseStatus(state, 'staff').label}</dt>
              <dd className="govuk-summary-list__value">{statistics.openByState[state]}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
