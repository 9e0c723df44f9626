/**
 * The reports of a case, for its page: each report's title (a link to it), whether it
 * is waiting for a manager's sign-off or has been sent to the referrer, and when. The
 * list comes from caseReports (modules/reports/reports.ts), which leaves out what this
 * person may not see: a referrer's list holds only the reports sent to them.
 */
import { Link } from '@remix-run/react';
import type { CaseReportItem } from '#modules/reports/reports';
import { REPORT_STATE_LABELS, REPORT_STATE_TAGS } from '#modules/reports/report-forms';
import { formatDateTime } from './dates';

export interface CaseReportsProps {
  reports: CaseReportItem[];
  referralId: string;
  /** Whether this person may prepare a report by hand now (preparableReportKinds is not empty). */
  canPrepare: boolean;
}

export const prepareReportHref = (referralId: string) => `/staff/referrals/${referralId}/reports/new`;

export function CaseReports({ reports, referralId, canPrepare }: CaseReportsProps) {
  return (
    <section aria-labelledby="reports-title" className="govuk-!-margin-bottom-6" id="reports">
      <h2 className="govuk-heading-m" id="reports-title">
        Reports
      </h2>
      {reports.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Reports on this case, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Report
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header">
                Prepared
              </th>
              <th scope="col" className="govuk-table__header">
                Signed off
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {reports.map((report) => (
              <tr className="govuk-table__row" key={report.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={report.href}>
                    {report.title}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  <strong className={REPORT_STATE_TAGS[report.state]}>{REPORT_STATE_LABELS[report.state]}</strong>
                </td>
                <td className="govuk-table__cell">
                  <time dateTime={report.createdAt}>{formatDateTime(report.createdAt)}</time>
                  {report.createdByName ? <span className="app-secondary-text"> by {report.createdByName}</span> : null}
                </td>
                <td className="govuk-table__cell">
                  {report.signedOffAt ? (
                    <>
                      <time dateTime={report.signedOffAt}>{formatDateTime(report.signedOffAt)}</time>
                      {report.signedOffByName ? <span className="app-secondary-text"> by {report.signedOffByName}</span> : null}
                    </>
                  ) : (
                    <span className="app-secondary-text">Not yet</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">There are no reports on this case yet.</p>
      )}
      {canPrepare ? (
        <Link className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" to={prepareReportHref(referralId)}>
          Prepare a report
        </Link>
      ) : null}
    </section>
  );
}
