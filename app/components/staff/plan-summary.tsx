/**
 * The case page's card for the assessment and the individual plan: whether the
 * assessment is complete and who saved it last, the plan's state, modules and
 * sessions, and links to the two pages for someone who may work on the case.
 * Takes the summary from modules/assessment/summary.ts, as the loader's json() gives it.
 */
import { Link } from '@remix-run/react';
import { PLAN_STATE_LABELS, PLAN_STATE_TAGS } from '#modules/assessment/labels';
import type { AssessmentAndPlanSummary } from '#modules/assessment/summary';
import { formatDateTime } from './dates';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function PlanSummary({ summary, referralId, canEdit }: { summary: AssessmentAndPlanSummary; referralId: string; canEdit: boolean }) {
  const { assessment, plan } = summary;
  const base = `/staff/referrals/${referralId}`;
  return (
    <div className="govuk-summary-card" id="assessment-and-plan">
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">Assessment and plan</h2>
        {canEdit ? (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <Link className="govuk-link" to={`${base}/assessment`}>
                Assessment
              </Link>
            </li>
            <li className="govuk-summary-card__action">
              <Link className="govuk-link" to={`${base}/plan`}>
                Plan
              </Link>
            </li>
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Assessment</dt>
            <dd className="govuk-summary-list__value">
              {assessment ? (
                <>
                  {assessment.complete ? 'Complete' : 'In progress'}
                  <br />
                  <span className="app-secondary-text">
                    Last saved{assessment.updatedByName ? ` by ${assessment.updatedByName}` : ''}, {formatDateTime(assessment.updatedAt)}
                  </span>
                </>
              ) : (
                'Not started'
              )}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Plan</dt>
            <dd className="govuk-summary-list__value">
              {plan ? (
                <>
                  <strong className={PLAN_STATE_TAGS[plan.state]}>{PLAN_STATE_LABELS[plan.state]}</strong>
                  {plan.state === 'signed_off' && plan.signedOffAt ? (
                    <span className="app-secondary-text">
                      {' '}
                      by {plan.signedOffByName ?? 'a manager'}, {formatDateTime(plan.signedOffAt)}
                    </span>
                  ) : null}
                  {plan.returnedReason ? (
                    <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0 app-preserve-lines">
                      Sent back{plan.returnedByName ? ` by ${plan.returnedByName}` : ''}: {plan.returnedReason}
                    </p>
                  ) : null}
                </>
              ) : (
                'Not started'
              )}
            </dd>
          </div>
          {plan?.modules.length ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Modules</dt>
              <dd className="govuk-summary-list__value">
                <ol className="govuk-list govuk-list--number govuk-!-margin-bottom-1">
                  {plan.modules.map((module) => (
                    <li key={module.key}>
                      {module.title}: {plural(module.sessions, 'session')}
                    </li>
                  ))}
                </ol>
                <span className="app-secondary-text">{plural(plan.totalSessions, 'session')} in all</span>
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
    </div>
  );
}
