import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { STAFF_ROLES } from '#db/schema';
import { ACCOUNT_STATUSES } from '#modules/administration/rules';
import { Select, TextInput } from '~/components/form/fields';
import { AdminSubNavigation, SortableHeader } from '~/components/staff/admin-parts';
import { formatDateTime } from '~/components/staff/dates';
import { ACCOUNT_STATUS_BADGES, ACCOUNT_STATUS_LABELS, ROLE_LABELS } from '~/components/staff/labels';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { staffListLoader } from '~/server/admin-staff.server';
import { PageLinks } from '~/components/staff/page-links';

export const meta: MetaFunction = () => [{ title: `Staff accounts – ${STAFF_SERVICE_NAME}` }];

export const loader = staffListLoader;

export default function StaffAccounts() {
  const { rows, total, query, pageSize, organisations } = useLoaderData<typeof loader>();
  const link = (changes: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    const merged = { organisationId: query.organisationId, role: query.role, status: query.status, q: query.q, sort: query.sort, order: query.order, page: query.page, ...changes };
    for (const [key, value] of Object.entries(merged)) if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value));
    return `?${params}`;
  };
  const sortHref = (column: string, order: 'asc' | 'desc') => link({ sort: column, order, page: 1 });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const filtered = !!(query.organisationId || query.role || query.status || query.q);
  return (
    <>
      <AdminSubNavigation />
      <h1 className="govuk-heading-l">Staff accounts</h1>
      <Link to="/staff/admin/staff/invite" className="govuk-button" data-module="govuk-button">
        Invite a member of staff
      </Link>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <h2 className="govuk-heading-m">Find accounts</h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <TextInput id="q" name="q" label="Name or email address" type="search" value={query.q} spellCheck={false} />
          </div>
          <div className="govuk-grid-column-one-half">
            <Select
              id="organisationId"
              name="organisationId"
              label="Organisation"
              value={query.organisationId}
              options={[{ value: '', label: 'Any organisation' }, ...organisations.map((o) => ({ value: o.id, label: o.active ? o.name : `${o.name} (deactivated)` }))]}
            />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Select id="role" name="role" label="Role" value={query.role} options={[{ value: '', label: 'Any role' }, ...STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))]} />
          </div>
          <div className="govuk-grid-column-one-half">
            <Select
              id="status"
              name="status"
              label="Status"
              value={query.status}
              options={[{ value: '', label: 'Any status' }, ...ACCOUNT_STATUSES.map((s) => ({ value: s, label: ACCOUNT_STATUS_LABELS[s] }))]}
            />
          </div>
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="order" value={query.order} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Apply filters
          </button>
          {filtered ? (
            <Link className="govuk-link" to="/staff/admin/staff">
              Clear filters
            </Link>
          ) : null}
        </div>
      </Form>

      <p className="govuk-body" role="status">
        {total === 0 ? 'No accounts match.' : total === 1 ? '1 account' : `${total} accounts`}
        {pages > 1 ? `, page ${query.page} of ${pages}` : ''}
      </p>
      {rows.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Staff accounts</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <SortableHeader label="Name" column="name" sort={query.sort} order={query.order} href={sortHref} />
              <SortableHeader label="Email address" column="email" sort={query.sort} order={query.order} href={sortHref} />
              <SortableHeader label="Organisation" column="organisation" sort={query.sort} order={query.order} href={sortHref} />
              <SortableHeader label="Role" column="role" sort={query.sort} order={query.order} href={sortHref} />
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <SortableHeader label="Last signed in" column="last-sign-in" sort={query.sort} order={query.order} href={sortHref} />
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr className="govuk-table__row" key={row.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/staff/admin/staff/${row.id}`}>
                    {row.fullName}
                  </Link>
                </td>
                <td className="govuk-table__cell">{row.email}</td>
                <td className="govuk-table__cell">
                  {row.organisationName}
                  {row.organisationActive ? null : <span className="app-secondary-text"> (deactivated)</span>}
                </td>
                <td className="govuk-table__cell">{ROLE_LABELS[row.role]}</td>
                <td className="govuk-table__cell">
                  <strong className={`moj-badge ${ACCOUNT_STATUS_BADGES[row.status]}`}>{ACCOUNT_STATUS_LABELS[row.status]}</strong>
                </td>
                <td className="govuk-table__cell">{row.lastSignInAt ? formatDateTime(row.lastSignInAt) : 'Never'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <PageLinks label="Pages of staff accounts" previous={query.page > 1 ? { to: link({ page: query.page - 1 }) } : null} next={query.page < pages ? { to: link({ page: query.page + 1 }) } : null} />
    </>
  );
}
