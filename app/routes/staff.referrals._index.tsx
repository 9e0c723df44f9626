import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { formatDay } from '#modules/referrals/dates';
import { ROUTE_LABELS } from '#modules/referrals/labels';
import type { StatusGroup } from '#modules/referrals/list';
import { Select, TextInput } from '~/components/form/fields';
import { SuccessBanner } from '~/components/staff/admin-parts';
import { formatDateTime } from '~/components/staff/dates';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { referralListLoader } from '~/server/referrals.server';
import { PageLinks } from '~/components/staff/page-links';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.canCreate ? 'Referrals' : 'Cases'} – ${STAFF_SERVICE_NAME}` }];

export const loader = referralListLoader;

const GROUP_LABELS: Record<'referrer' | 'staff', Record<StatusGroup, string>> = {
  referrer: { drafts: 'Drafts', 'with-choice': 'With CHOICE', 'needs-attention': 'Needs your attention', closed: 'Closed or ended' },
  staff: { drafts: 'Drafts', 'with-choice': 'Open', 'needs-attention': 'Waiting for the referrer', closed: 'Closed or ended' },
};

export default function Referrals() {
  const { rows, previous, next, query, groups, audience, canCreate, showOrganisation, saved } = useLoaderData<typeof loader>();
  const filtered = !!(query.status || query.q);
  const heading = canCreate ? 'Referrals' : 'Cases';
  return (
    <>
      {saved ? <SuccessBanner>Your answers to referral {saved} are saved. You can finish it from this list.</SuccessBanner> : null}
      <h1 className="govuk-heading-l">{heading}</h1>
      {canCreate ? (
        <>
          <p className="govuk-body">Your organisation’s referrals to CHOICE, most recently changed first.</p>
          <Link to="/staff/referrals/new" className="govuk-button" data-module="govuk-button">
            Make a referral
          </Link>
        </>
      ) : (
        <p className="govuk-body">The cases you can see, most recently changed first.</p>
      )}

      <Form method="get" className="govuk-!-margin-bottom-6" role="search" aria-label={heading}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <TextInput id="q" name="q" label="Reference or name" hint="For example, CH-000123 or Smith" type="search" value={query.q} spellCheck={false} />
          </div>
          <div className="govuk-grid-column-one-half">
            <Select
              id="status"
              name="status"
              label="Status"
              value={query.status}
              options={[{ value: '', label: 'Any status' }, ...groups.map((group) => ({ value: group, label: GROUP_LABELS[audience][group] }))]}
            />
          </div>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Apply filters
          </button>
          {filtered ? (
            <Link className="govuk-link" to="/staff/referrals">
              Clear filters
            </Link>
          ) : null}
        </div>
      </Form>

      {rows.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{filtered ? 'Matching referrals' : heading}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Reference
              </th>
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              {showOrganisation ? (
                <th scope="col" className="govuk-table__header">
                  Referred by
                </th>
              ) : null}
              <th scope="col" className="govuk-table__header">
                Route
              </th>
              <th scope="col" className="govuk-table__header">
                Key date
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header">
                Last changed
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr className="govuk-table__row" key={row.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={row.href}>
                    {row.reference}
                  </Link>
                </td>
                <td className="govuk-table__cell">{row.personName ?? <span className="govuk-hint govuk-!-margin-0">Not given yet</span>}</td>
                {showOrganisation ? <td className="govuk-table__cell">{row.organisationName}</td> : null}
                <td className="govuk-table__cell">{row.route ? ROUTE_LABELS[row.route] : '–'}</td>
                <td className="govuk-table__cell">{row.decisionDate ? formatDay(row.decisionDate) : '–'}</td>
                <td className="govuk-table__cell">
                  <strong className={row.status.className}>{row.status.label}</strong>
                </td>
                <td className="govuk-table__cell">{formatDateTime(row.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body" role="status">
          {filtered ? 'No referrals match. Check the reference or name, or clear the filters.' : canCreate ? 'Your organisation has not made any referrals yet.' : 'There are no cases for you yet.'}
        </p>
      )}

      <PageLinks label={`Pages of ${heading.toLowerCase()}`} previous={previous ? { to: previous } : null} next={next ? { to: next } : null} />
    </>
  );
}
