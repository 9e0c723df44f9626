import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { AdminSubNavigation, SortableHeader } from '~/components/staff/admin-parts';
import { ORGANISATION_KIND_LABELS } from '~/components/staff/labels';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { organisationsLoader } from '~/server/admin-organisations.server';

export const meta: MetaFunction = () => [{ title: `Organisations – ${STAFF_SERVICE_NAME}` }];

export const loader = organisationsLoader;

export default function Organisations() {
  const { organisations, sort, order } = useLoaderData<typeof loader>();
  const href = (column: string, next: 'asc' | 'desc') => `?sort=${column}&order=${next}`;
  return (
    <>
      <AdminSubNavigation />
      <h1 className="govuk-heading-l">Organisations</h1>
      <p className="govuk-body">Every staff account belongs to one organisation. Deactivating an organisation signs out all its staff at once, and none of them can sign in until it is reactivated.</p>
      <Link to="/staff/admin/organisations/new" className="govuk-button" data-module="govuk-button">
        Add an organisation
      </Link>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Organisations</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <SortableHeader label="Name" column="name" sort={sort} order={order} href={href} />
            <SortableHeader label="Kind" column="kind" sort={sort} order={order} href={href} />
            <SortableHeader label="Active staff" column="staff" sort={sort} order={order} href={href} numeric />
            <SortableHeader label="Status" column="status" sort={sort} order={order} href={href} />
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {organisations.map((organisation) => (
            <tr className="govuk-table__row" key={organisation.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/staff/admin/organisations/${organisation.id}`}>
                  {organisation.name}
                </Link>
              </td>
              <td className="govuk-table__cell">{ORGANISATION_KIND_LABELS[organisation.kind]}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{organisation.activeStaff}</td>
              <td className="govuk-table__cell">
                {organisation.active ? <strong className="moj-badge moj-badge--green">Active</strong> : <strong className="moj-badge moj-badge--grey">Deactivated</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
