import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { reportDay } from '#modules/reports/report-content';
import { REPORT_STATE_LABELS, REPORT_STATE_TAGS } from '#modules/reports/report-forms';
import { ErrorSummary, errorList, errorTitle } from '~/components/form/error-summary';
import { Checkboxes, Textarea } from '~/components/form/fields';
import { usePageTitle } from '~/components/practitioners/practitioner-form';
import { SuccessBanner } from '~/components/staff/admin-parts';
import { ConflictPanel } from '~/components/staff/case-parts';
import { formatDateTime } from '~/components/staff/dates';
import { ReportDocument } from '~/components/staff/report-document';
import { StaffForm } from '~/components/staff/staff-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { reportPageAction, reportPageLoader, type ReportDone } from '~/server/reports.server';

const pageTitle = (title: string | undefined, reference: string | undefined) => `${title ?? 'Report'}${reference ? `, referral ${reference}` : ''} – ${STAFF_SERVICE_NAME}`;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(data?.report.title, data?.reference) }];

export const loader = reportPageLoader;
export const action = reportPageAction;

const DONE: Record<ReportDone, string> = {
  prepared: 'Report prepared. A CHOICE manager must sign it off before the referrer can see it.',
  'prepared-again': 'A report of this kind was already waiting for sign-off, so its figures have been refreshed from the case instead of making a second one.',
  refreshed: 'The figures have been refreshed from the case.',
  'refreshed-kept': 'The figures have been refreshed from the case. The opening paragraph had been edited, so it was kept as it was: check that what it says still matches.',
  saved: 'Opening paragraph saved.',
  template: 'The opening paragraph is the programme’s wording again.',
  'signed-off': 'Report signed off. We have emailed the referrer to say that a report is ready for them.',
  'signed-off-no-mail':
    'Report signed off. The referrer who made the referral no longer has an active account, so no email was sent. Others in their organisation can read the report on the case.',
};

export default function ReportPage() {
  const view = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const version = Math.max(view.version, data?.conflict?.version ?? 0);
  const awaiting = view.state === 'awaiting_sign_off';
  const order = view.may.edit ? ['introduction', 'confirm'] : ['refresh'];
  const summary = [...errorList(errors, order), ...(data?.refused ? [{ href: 'report-title', message: data.refused }] : [])];
  const editing = data?.intent === 'save' || data?.intent === 'sign-off';
  const typed = editing ? (data?.introduction ?? null) : null;
  usePageTitle(errorTitle(pageTitle(view.report.title, view.reference), summary.length > 0 || !!data?.conflict));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={view.caseHref} className="govuk-back-link">
          Back to referral {view.reference}
        </Link>
        {view.done && !data ? <SuccessBanner>{DONE[view.done]}</SuccessBanner> : null}
        {data?.conflict ? (
          <ConflictPanel noun="report" changes={data.conflict.changes} typed={typed?.trim() ? typed : null} formStillOffered={view.may.edit} />
        ) : (
          <ErrorSummary errors={summary} />
        )}
        <span className="govuk-caption-l">Referral {view.reference}</span>
        <h1 className="govuk-heading-l" id="report-title" tabIndex={-1}>
          {view.report.title}
          {view.choiceStaff ? (
            <>
              {' '}
              <strong className={REPORT_STATE_TAGS[view.state]}>{REPORT_STATE_LABELS[view.state]}</strong>
            </>
          ) : null}
        </h1>
        {view.choiceStaff ? (
          <dl className="govuk-summary-list govuk-summary-list--no-border">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Prepared</dt>
              <dd className="govuk-summary-list__value">
                {formatDateTime(view.createdAt)}
                {view.createdByName ? ` by ${view.createdByName}` : ''}
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Figures read from the case</dt>
              <dd className="govuk-summary-list__value">{reportDay(view.factsReadOn)}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Signed off</dt>
              <dd className="govuk-summary-list__value">
                {view.signedOffAt ? `${formatDateTime(view.signedOffAt)}${view.signedOffByName ? ` by ${view.signedOffByName}` : ''}` : 'Not yet: the referrer cannot see this report'}
              </dd>
            </div>
          </dl>
        ) : null}
        <p className="govuk-body">
          <a className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" href={view.pdfHref} download>
            Download as PDF
          </a>
        </p>
        <ReportDocument report={view.report} headingId="report-title" />

        {awaiting && (view.may.refresh || view.may.edit) ? (
          <section aria-labelledby="before-sending" className="govuk-!-margin-top-8" id="sign-off">
            <h2 className="govuk-heading-l" id="before-sending">
              Before it is sent
            </h2>
            {view.may.edit ? null : <p className="govuk-body">A CHOICE manager must sign this report off before the referrer can see it.</p>}
            {view.may.refresh ? (
              <StaffForm aria-labelledby="refresh-title" className="govuk-!-margin-bottom-8">
                <h3 className="govuk-heading-m" id="refresh-title">
                  The figures
                </h3>
                <p className="govuk-body">
                  The attendance and modules were read from the case on {reportDay(view.factsReadOn)}. If sessions have been recorded since, read them again before the report is
                  signed off.
                </p>
                <input type="hidden" name="version" value={version} />
                <button type="submit" name="intent" value="refresh" id="refresh" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Refresh the figures from the case
                </button>
              </StaffForm>
            ) : null}
            {view.may.edit ? (
              <StaffForm aria-labelledby="sign-off-title">
                <h3 className="govuk-heading-m" id="sign-off-title">
                  Check and sign off
                </h3>
                <input type="hidden" name="version" value={version} />
                <Textarea
                  key={`introduction-${version}-${typed ?? ''}`.slice(0, 200)}
                  id="introduction"
                  name="introduction"
                  label="Opening paragraph"
                  hint="The summary at the top of the report. Change it if it needs to say more or less. Leave it empty to use the programme’s wording. Up to 5,000 characters."
                  value={typed ?? view.report.introduction}
                  error={errors.introduction}
                  rows={6}
                />
                <div className="govuk-button-group">
                  <button type="submit" name="intent" value="save" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                    Save
                  </button>
                </div>
                <p className="govuk-body">When you sign it off, the referrer can read it, and we email them to say a report is ready. After that it cannot be changed.</p>
                <Checkboxes
                  id="confirm"
                  name="confirm"
                  label="Sign off"
                  legendSize="s"
                  error={errors.confirm}
                  options={[{ value: 'yes', label: 'I have read this report and it is ready for the referrer' }]}
                />
                <button type="submit" name="intent" value="sign-off" className="govuk-button" data-module="govuk-button">
                  Sign off and send to the referrer
                </button>
              </StaffForm>
            ) : null}
          </section>
        ) : null}
      </div>
    </div>
  );
}
