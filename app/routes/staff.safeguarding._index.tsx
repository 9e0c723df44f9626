import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { formatDateTime } from '~/components/staff/dates';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { concernListLoader } from '~/server/safeguarding.server';

export const meta: MetaFunction = () => [{ title: `Safeguarding concerns – ${STAFF_SERVICE_NAME}` }];
export const loader = concernListLoader;

const STATE_TAGS = { open: { label: 'Not acknowledged', className: 'govuk-tag govuk-tag--red' }, acknowledged: { label: 'Action to record', className: 'govuk-tag govuk-tag--orange' } } as const;

export default function SafeguardingConcerns() {
  const { concerns } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Safeguarding concerns</h1>
        <p className="govuk-body">
          Concerns a worker has recorded that a manager has not yet dealt with, the oldest first. Acknowledge each one today, then record what was done. Until then, nothing on its case can be
          signed off.
        </p>
        {concerns.length ? (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Safeguarding concerns to deal with</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Case</th>
                <th scope="col" className="govuk-table__header">Recorded</th>
                <th scope="col" className="govuk-table__header">By</th>
                <th scope="col" className="govuk-table__header">Where it stands</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {concerns.map((concern) => {
                const tag = STATE_TAGS[concern.state as keyof typeof STATE_TAGS] ?? STATE_TAGS.open;
                return (
                  <tr className="govuk-table__row" key={concern.id}>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`/staff/safeguarding/${concern.id}`}>
                        {concern.reference}
                        {concern.personName ? ` (${concern.personName})` : ''}
                      </Link>
                    </td>
                    <td className="govuk-table__cell">{formatDateTime(concern.raisedAt)}</td>
                    <td className="govuk-table__cell">{concern.raisedByName ?? 'Not known'}</td>
                    <td className="govuk-table__cell">
                      <strong className={tag.className}>{tag.label}</strong>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p className="govuk-body govuk-!-font-weight-bold">There are no safeguarding concerns waiting to be dealt with.</p>
        )}
      </div>
    </div>
  );
}
