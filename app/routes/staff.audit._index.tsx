import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { AUDIT_OUTCOMES } from '#db/schema';
import { ErrorSummary, errorList } from '~/components/form/error-summary';
import { Select, TextInput } from '~/components/form/fields';
import { ACTION_GROUP_LABELS, actionLabel, detailLines, OBJECT_TYPE_LABELS, OUTCOME_BADGES, OUTCOME_LABELS } from '~/components/staff/audit-presenter';
import { formatDateTime } from '~/components/staff/dates';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { auditLoader } from '~/server/audit.server';
import { PageLinks } from '~/components/staff/page-links';

export const meta: MetaFunction = () => [{ title: `Audit log – ${STAFF_SERVICE_NAME}` }];

export const loader = auditLoader;

const DATE_HINT = 'For example, 23/11/2026';

export default function AuditLog() {
  const { rows, newer, older, errors, values, exportHref, filtered, actionGroups, objectTypes } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">Every sign-in, sign-out, change of account or organisation, and export of this log, newest first. Nobody can change or remove an entry.</p>
      <ErrorSummary errors={errorList(errors, ['from', 'to'])} />
      <Form method="get" className="govuk-!-margin-bottom-6">
        <h2 className="govuk-heading-m">Filter</h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              id="action"
              name="action"
              label="What happened"
              value={values.action}
              options={[{ value: '', label: 'Anything' }, ...actionGroups.map((group) => ({ value: group, label: ACTION_GROUP_LABELS[group] ?? group }))]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select id="outcome" name="outcome" label="Outcome" value={values.outcome} options={[{ value: '', label: 'Any outcome' }, ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))]} />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextInput id="actor" name="actor" label="Who (email address)" hint="All or part of it" type="search" value={values.actor} spellCheck={false} />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              id="objectType"
              name="objectType"
              label="About"
              value={values.objectType}
              options={[{ value: '', label: 'Anything' }, ...objectTypes.map((type) => ({ value: type, label: OBJECT_TYPE_LABELS[type] ?? type }))]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextInput id="objectId" name="objectId" label="Its id" hint="The exact id" value={values.objectId} spellCheck={false} />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextInput id="from" name="from" label="From" hint={DATE_HINT} value={values.from} error={errors.from} width="10" />
            <TextInput id="to" name="to" label="To" hint={DATE_HINT} value={values.to} error={errors.to} width="10" />
          </div>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Apply filters
          </button>
          {filtered || Object.keys(errors).length ? (
            <Link className="govuk-link" to="/staff/audit">
              Clear filters
            </Link>
          ) : null}
        </div>
      </Form>

      {exportHref ? (
        <p className="govuk-body">
          <a className="govuk-link" href={exportHref} download>
            Export {filtered ? 'these entries' : 'the whole log'} as a CSV file
          </a>{' '}
          (up to 50,000 entries, newest first). Exporting is itself recorded in the log.
        </p>
      ) : null}

      {Object.keys(errors).length ? null : rows.length === 0 ? (
        <p className="govuk-body">No entries match.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Audit log entries, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header" aria-sort="descending">
                When
              </th>
              <th scope="col" className="govuk-table__header">
                Who
              </th>
              <th scope="col" className="govuk-table__header">
                What happened
              </th>
              <th scope="col" className="govuk-table__header">
                About
              </th>
              <th scope="col" className="govuk-table__header">
                Outcome
              </th>
              <th scope="col" className="govuk-table__header">
                Detail
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr className="govuk-table__row" key={row.id}>
                <td className="govuk-table__cell">
                  <time dateTime={row.occurredAt}>{formatDateTime(row.occurredAt)}</time>
                </td>
                <td className="govuk-table__cell">
                  {row.actorName ?? <span className="app-secondary-text">Nobody signed in</span>}
                  {row.actorOrganisation ? (
                    <>
                      <br />
                      <span className="app-secondary-text">{row.actorOrganisation}</span>
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell">
                  {actionLabel(row.action)}
                  <br />
                  <code className="app-secondary-text">{row.action}</code>
                </td>
                <td className="govuk-table__cell">
                  {row.objectType ? (
                    <>
                      {OBJECT_TYPE_LABELS[row.objectType] ?? row.objectType}
                      {row.objectLabel ? `: ${row.objectLabel}` : ''}
                      <br />
                      <code className="app-secondary-text">{row.objectId}</code>
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell">
                  <strong className={`moj-badge ${OUTCOME_BADGES[row.outcome]}`}>{OUTCOME_LABELS[row.outcome]}</strong>
                </td>
                <td className="govuk-table__cell">
                  <ul className="govuk-list govuk-body-s">
                    {detailLines(row.action, row.detail).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <PageLinks label="Pages of the audit log" block previous={newer ? { to: newer, text: 'Newer entries' } : null} next={older ? { to: older, text: 'Older entries' } : null} />
    </>
  );
}
