import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { formatDay } from '#modules/referrals/dates';
import { formatDateTime } from '~/components/staff/dates';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { screeningLoader } from '~/server/screening.server';
import { PageLinks } from '~/components/staff/page-links';

export const meta: MetaFunction = () => [{ title: `Screening – ${STAFF_SERVICE_NAME}` }];

export const loader = screeningLoader;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default function ScreeningQueue() {
  const { rows, counts, earlier, later, firstPage } = useLoaderData<typeof loader>();
  const waiting = counts.submitted + counts.screening;
  return (
    <>
      <h1 className="govuk-heading-l">Screening</h1>
      <p className="govuk-body">Referrals sent to CHOICE and not yet allocated, the longest waiting first.</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>{plural(waiting, 'referral to screen or being screened', 'referrals to screen or being screened')}</li>
        <li>{plural(counts.more_information_requested, 'waiting for the referrer to send more information', 'waiting for referrers to send more information')}</li>
        <li>{plural(counts.accepted, 'accepted case to allocate', 'accepted cases to allocate')}</li>
      </ul>

      {rows.length === 0 ? (
        <p className="govuk-body">{firstPage ? 'There is nothing waiting for CHOICE.' : 'There is nothing more on this page.'}</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Referrals waiting for CHOICE, the longest waiting first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Referral
              </th>
              <th scope="col" className="govuk-table__header">
                Referred by
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header" aria-sort="descending">
                Waiting
              </th>
              <th scope="col" className="govuk-table__header">
                Decision date
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr className="govuk-table__row" key={row.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/staff/referrals/${row.id}`}>
                    {row.reference}
                    {row.personName ? <span className="govuk-visually-hidden">, {row.personName}</span> : null}
                  </Link>
                  {row.personName ? (
                    <>
                      <br />
                      <span className="app-secondary-text">{row.personName}</span>
                    </>
                  ) : null}
                  {row.flagged ? (
                    <>
                      <br />
                      <strong className="govuk-tag govuk-tag--orange">Check eligibility</strong>
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell">{row.organisationName}</td>
                <td className="govuk-table__cell">
                  <strong className={row.status.className}>{row.status.label}</strong>
                </td>
                <td className="govuk-table__cell">
                  {row.waiting.text}
                  <br />
                  <span className="app-secondary-text">
                    Sent <time dateTime={row.submittedAt}>{formatDateTime(row.submittedAt)}</time>
                  </span>
                </td>
                <td className="govuk-table__cell">
                  {row.deadline ? (
                    <>
                      {formatDay(row.deadline.day)}
                      <br />
                      <strong className={`govuk-tag ${row.deadline.urgent ? 'govuk-tag--red' : 'govuk-tag--grey'}`}>{row.deadline.text}</strong>
                    </>
                  ) : (
                    <span className="app-secondary-text">None given</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <PageLinks label="Pages of the screening queue" block previous={earlier ? { to: earlier, text: 'Longer waiting' } : null} next={later ? { to: later, text: 'More recently sent' } : null} />
    </>
  );
}
