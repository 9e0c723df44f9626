import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { PLAN_STATE_LABELS, PLAN_STATE_TAGS } from '#modules/assessment/labels';
import { MODULES_FIELD, orderField, sessionsField, totalsText } from '#modules/assessment/plan-builder';
import { ErrorSummary, errorList } from '~/components/form/error-summary';
import { SuccessBanner } from '~/components/staff/admin-parts';
import { ConflictPanel } from '~/components/staff/case-parts';
import { formatDateTime } from '~/components/staff/dates';
import { PlanBuilderForm, PlanConflictPanel, PlanDecisionForms, PlanModulesTable } from '~/components/staff/plan-parts';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { planAction, planLoader, type PlanDone } from '~/server/plan.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Individual plan${data ? ` – Case ${data.reference}` : ''} – ${STAFF_SERVICE_NAME}` }];

export const loader = planLoader;
export const action = planAction;

const DONE: Record<PlanDone, string> = {
  saved: 'Plan saved as a draft.',
  submitted: 'Plan sent for sign-off. We have emailed the managers to say it is waiting.',
  returned: 'Plan sent back to the worker. We have emailed them to say so.',
  'signed-off': 'Plan signed off. The programme has started.',
  'assessment-saved': 'Assessment saved. Now build the plan.',
};

export default function PlanPage() {
  const view = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const rows = data?.rows ?? view.rows;
  const order = [MODULES_FIELD, ...rows.flatMap((row) => [orderField(row.key), sessionsField(row.key)]), 'reason', 'decision'];
  const summary = [
    ...errorList(errors, order).map((error) => (error.href === 'version' ? { ...error, href: MODULES_FIELD } : error)),
    ...(data?.refused ? [{ href: view.mode === 'decide' ? 'decision' : MODULES_FIELD, message: data.refused }] : []),
  ];
  const { plan } = view;
  const planVersion = data?.planVersion ?? plan?.version ?? 0;
  const caseVersion = data?.caseVersion ?? view.caseVersion;
  const caseHref = `/staff/referrals/${view.referralId}`;
  const assessmentHref = `${caseHref}/assessment`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <Link to={caseHref} className="govuk-back-link">
          Back to case {view.reference}
        </Link>
        {view.done && !data ? <SuccessBanner>{DONE[view.done]}</SuccessBanner> : null}
        {data?.conflict ? (
          <PlanConflictPanel conflict={data.conflict} keptInForm={view.mode === 'edit' && !!data.rows} />
        ) : data?.caseConflict ? (
          <ConflictPanel noun="case" changes={data.caseConflict} typed={null} formStillOffered={view.mode === 'decide'} />
        ) : (
          <ErrorSummary errors={summary} />
        )}
        <span className="govuk-caption-l">
          Case {view.reference}
          {view.personName ? ` · ${view.personName}` : ''}
        </span>
        <h1 className="govuk-heading-l govuk-!-margin-bottom-2">Individual plan</h1>
        <p className="govuk-body">
          <strong className={plan ? PLAN_STATE_TAGS[plan.state] : 'govuk-tag govuk-tag--grey'}>{plan ? PLAN_STATE_LABELS[plan.state] : 'Not started'}</strong>
        </p>
      </div>
      <div className="govuk-grid-column-two-thirds">
        <StateBanner view={view} />
        {view.mode === 'edit' ? (
          view.missing.length ? (
            <div className="govuk-inset-text">
              Before the plan can be sent for sign-off, complete the <Link to={assessmentHref}>assessment</Link>: {view.missing.join(', ')} still to fill in.
            </div>
          ) : (
            <div className="govuk-inset-text">
              The <Link to={assessmentHref}>assessment</Link> is complete.
            </div>
          )
        ) : null}

        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{plan ? 'Saved plan' : 'Suggested plan'}</dt>
            <dd className="govuk-summary-list__value">
              {totalsText(view.totals)}
              {plan ? null : <span className="app-secondary-text"> — every module of the programme, with its planned sessions. Nothing is saved yet.</span>}
            </dd>
          </div>
        </dl>
        {view.notInProgramme.length ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              The programme has changed since this plan was saved. No longer in it: {view.notInProgramme.map((module) => module.title).join(', ')}. Saving the plan leaves
              {view.notInProgramme.length === 1 ? ' it' : ' them'} out.
            </strong>
          </div>
        ) : null}

        {view.mode === 'edit' ? null : plan ? <PlanModulesTable modules={plan.modules} caption="Modules in his plan, in order" /> : null}
        {view.mode === 'decide' ? <PlanDecisionForms planVersion={planVersion} caseVersion={caseVersion} reason={data?.reason ?? ''} errors={errors} missing={view.missing} /> : null}
      </div>
      {view.mode === 'edit' ? (
        <div className="govuk-grid-column-full">
          <PlanBuilderForm rows={rows} modules={view.modules} version={planVersion} errors={errors} sessionMinutes={view.sessionMinutes} />
        </div>
      ) : null}
      <div className="govuk-grid-column-two-thirds">
        <p className="govuk-body">
          <Link className="govuk-link" to={assessmentHref}>
            Go to the assessment
          </Link>{' '}
          or{' '}
          <Link className="govuk-link" to={caseHref}>
            go back to the case
          </Link>
          .
        </p>
      </div>
    </div>
  );
}

type View = ReturnType<typeof useLoaderData<typeof loader>>;

/** Where the plan has got to, in one sentence for this person. */
function StateBanner({ view }: { view: View }) {
  const { plan, mode } = view;
  if (!plan) {
    if (mode === 'view') return <div className="govuk-inset-text">The plan is made during the assessment. {view.state === 'allocated' ? 'Start the assessment from the case page first.' : 'No plan was saved for this case.'}</div>;
    return <div className="govuk-inset-text">No plan has been saved yet. The table shows every module of the programme with its planned sessions: change it to fit him.</div>;
  }
  if (plan.state === 'signed_off') {
    return (
      <div className="govuk-inset-text">
        Signed off{plan.signedOffByName ? ` by ${plan.signedOffByName}` : ''}
        {plan.signedOffAt ? `, ${formatDateTime(plan.signedOffAt)}` : ''}. The programme has started, and the plan can no longer be changed.
      </div>
    );
  }
  if (plan.state === 'awaiting_sign_off') {
    const sent = plan.submittedAt ? ` on ${formatDateTime(plan.submittedAt)}` : '';
    return mode === 'decide' ? (
      <div className="govuk-inset-text">
        {plan.updatedByName ?? 'The worker'} sent this plan for sign-off{sent}. Check it against the <Link to={`/staff/referrals/${view.referralId}/assessment`}>assessment</Link>, then sign it
        off or send it back.
      </div>
    ) : (
      <div className="govuk-inset-text">
        Sent for sign-off{sent}: waiting for a manager. If you change the plan and save it, it comes back to you as a draft and needs sending again.
      </div>
    );
  }
  if (plan.returnedReason) {
    return (
      <div className="govuk-notification-banner" role="region" aria-labelledby="returned-title" data-module="govuk-notification-banner">
        <div className="govuk-notification-banner__header">
          <h2 className="govuk-notification-banner__title" id="returned-title">
            Sent back
          </h2>
        </div>
        <div className="govuk-notification-banner__content">
          <p className="govuk-notification-banner__heading">
            {plan.returnedByName ?? 'A manager'} sent the plan back{plan.returnedAt ? ` on ${formatDateTime(plan.returnedAt)}` : ''}:
          </p>
          <p className="govuk-body app-preserve-lines">{plan.returnedReason}</p>
          <p className="govuk-body govuk-!-margin-bottom-0">Change the plan, then send it for sign-off again.</p>
        </div>
      </div>
    );
  }
  return <div className="govuk-inset-text">Draft. When it is ready, send it to a manager for sign-off.</div>;
}
