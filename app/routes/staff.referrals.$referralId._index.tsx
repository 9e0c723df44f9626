import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorSummary, errorList } from '~/components/form/error-summary';
import { SuccessBanner } from '~/components/staff/admin-parts';
import { AttentionPanel, CaseTimeline, ConflictPanel, SummarySections } from '~/components/staff/case-parts';
import { StepForms } from '~/components/staff/case-step-forms';
import { CaseReports } from '~/components/staff/case-reports';
import { CaseSessions } from '~/components/staff/case-sessions';
import { PlanSummary } from '~/components/staff/plan-summary';
import { formatDay } from '#modules/referrals/dates';
import { TEXT_FIELD, type CasePageEvent } from '#modules/referrals/case-actions';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { casePageAction, casePageLoader } from '~/server/case-page.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `${data.noun === 'case' ? 'Case' : 'Referral'} ${data.reference}` : 'Referral'} – ${STAFF_SERVICE_NAME}` }];

export const loader = casePageLoader;
export const action = casePageAction;

const DONE: Record<CasePageEvent, string> = {
  START_SCREENING: 'Screening started. Other managers can see that you are screening this referral.',
  REQUEST_INFORMATION: 'Request sent. We have emailed the referrer to say that CHOICE needs more information.',
  PROVIDE_INFORMATION: 'Answer sent. The referral is back with CHOICE.',
  DECLINE: 'Referral declined. We have emailed the referrer to say that CHOICE has made a decision.',
  ACCEPT: 'Referral accepted. We have emailed the referrer. Now allocate the case to a programme worker.',
  ALLOCATE: 'Case allocated. We have emailed the person it is allocated to.',
  START_ASSESSMENT: 'Assessment started. Record the assessment and build his plan.',
  COMPLETE: 'Completion recorded. The completion report is waiting for a manager to sign it off.',
  END_EARLY: 'Programme ended early. The ended-early report is waiting for a manager to sign it off; the referrer is emailed when it is.',
  CLOSE: 'Closed. The outcome is recorded.',
};

const ORDER = ['response', 'workerId', 'request', 'reason', 'confirmDecline', 'confirmComplete', 'overrideReason', 'endReason', 'detail', 'outcome'];

export default function CasePage() {
  const view = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const version = Math.max(view.version, data?.conflict?.version ?? 0);
  const kept = (step: CasePageEvent, field: string) => (data?.step === step ? data.values[field] : undefined);
  const typedField = data?.step ? TEXT_FIELD[data.step] : undefined;
  const typed = data?.step && typedField ? (data.values[typedField] ?? null) : null;
  const summaryErrors = [
    ...errorList(errors, ORDER).map((error) => (ORDER.includes(error.href) ? error : { ...error, href: 'next-steps' })),
    ...(data?.refused ? [{ href: 'next-steps', message: data.refused }] : []),
  ];
  const title = `${view.noun === 'case' ? 'Case' : 'Referral'} ${view.reference}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {view.done && !data ? <SuccessBanner>{DONE[view.done]}</SuccessBanner> : null}
        {data?.conflict ? (
          <ConflictPanel noun={view.noun} changes={data.conflict.changes} typed={typed} formStillOffered={!!data.step && view.steps.includes(data.step)} />
        ) : (
          <ErrorSummary errors={summaryErrors} />
        )}
        <span className="govuk-caption-l">{view.summary.find((s) => s.id === 'person')?.rows[0]?.value ?? 'Referral'}</span>
        <h1 className="govuk-heading-l">
          {title} <strong className={view.status.className}>{view.status.label}</strong>
        </h1>
        <dl className="govuk-summary-list govuk-summary-list--no-border">
          {view.deadline ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Decision date</dt>
              <dd className="govuk-summary-list__value">
                {formatDay(view.deadline.day)}{' '}
                <strong className={`govuk-tag ${view.deadline.urgent ? 'govuk-tag--red' : 'govuk-tag--grey'}`}>{view.deadline.text}</strong>
              </dd>
            </div>
          ) : null}
          {view.waiting ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Waiting</dt>
              <dd className="govuk-summary-list__value">{view.waiting.text}</dd>
            </div>
          ) : null}
          {view.allocatedWorkerName ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Programme worker</dt>
              <dd className="govuk-summary-list__value">{view.allocatedWorkerName}</dd>
            </div>
          ) : null}
        </dl>

        <AttentionPanel items={view.attention}>
          {view.attention.some((item) => item.kind === 'finish-draft') && view.detailsHref ? (
            <Link className="govuk-button govuk-!-margin-bottom-0" to={view.detailsHref}>
              Check and send the referral
            </Link>
          ) : null}
        </AttentionPanel>

        {view.steps.length ? (
          <section aria-labelledby="next-steps" className="govuk-!-margin-bottom-6">
            <h2 className="govuk-heading-m" id="next-steps" tabIndex={-1}>
              What you can do
            </h2>
            <StepForms steps={view.steps} version={version} noun={view.noun} workers={view.workers} detailsHref={view.detailsHref} errors={errors} kept={kept} closingOutcome={view.closingOutcome} completion={view.completion} endEarlyFirst={view.endEarlyFirst} />
          </section>
        ) : (
          <span id="next-steps" />
        )}

        {view.assessmentAndPlan ? (
          <PlanSummary summary={view.assessmentAndPlan} referralId={view.id} canEdit={view.perspective !== 'referrer' && ['assessment', 'in_programme'].includes(view.state)} />
        ) : null}
        {view.sessions ? <CaseSessions sessions={view.sessions.sessions} referralId={view.id} canSchedule={view.sessions.canSchedule} /> : null}
        {view.inProgramme ? <CaseReports reports={view.reports} referralId={view.id} canPrepare={view.canPrepareReport} /> : null}

        <h2 className="govuk-heading-m">The referral</h2>
        <SummarySections sections={view.summary} />
      </div>
      <div className="govuk-grid-column-one-third">
        <h2 className="govuk-heading-m">History</h2>
        <CaseTimeline items={view.timeline} />
      </div>
    </div>
  );
}
