import { Link } from '@remix-run/react';
import type { CheckView } from '#modules/checks/service';
import type { CheckWording, CommonWording } from '#modules/checks/wording';
import { STEP_HEADING } from '~/components/form/step-heading';
import { UrgentHelp } from '../urgent-help';

export function CheckResultPage({ check, common, view }: { check: CheckWording; common: Pick<CommonWording, 'helplineHtml' | 'nothingSaved'>; view: Extract<CheckView, { kind: 'result' }> }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {view.urgent.map((html, i) => (
          <div className="govuk-notification-banner app-urgent-banner" role="region" aria-labelledby={`urgent-${i}`} key={i}>
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id={`urgent-${i}`} {...(i === 0 ? STEP_HEADING : {})}>
                Important
              </h2>
            </div>
            <div className="govuk-notification-banner__content" dangerouslySetInnerHTML={{ __html: html }} />
          </div>
        ))}
        <span className="govuk-caption-l">{check.title}</span>
        <div className={`app-band app-band--${view.band.id}`}>
          {/* Urgent help comes first: when there is some, focus starts there, above this heading. */}
          <h1 className="govuk-heading-l" {...(view.urgent.length ? {} : STEP_HEADING)}>
            {view.band.title}
          </h1>
          <div dangerouslySetInnerHTML={{ __html: view.band.html }} />
        </div>
        <UrgentHelp />
        {view.sections.map((html, i) => (
          <div className="app-result-section" key={i} dangerouslySetInnerHTML={{ __html: html }} />
        ))}
        <h2 className="govuk-heading-m">Your next steps</h2>
        <ul className="govuk-list app-next-steps">
          {view.nextSteps.map((step) => (
            <li key={step.path}>
              {/* Which next steps show depends on the answers: lazy route discovery would
                  list them in a /__manifest?p=… address as the page renders. */}
              <Link className="govuk-link govuk-!-font-weight-bold" to={step.path} discover="none">
                {step.title}
              </Link>
              <p className="govuk-body">{step.reason}</p>
            </li>
          ))}
        </ul>
        <h2 className="govuk-heading-m">Talk to someone</h2>
        <div dangerouslySetInnerHTML={{ __html: common.helplineHtml }} />
        <p className="govuk-body">
          Questions about the law in Scotland?{' '}
          <Link className="govuk-link" to="/self-help/the-law-and-after-an-arrest/is-what-i-am-doing-illegal">
            Is what I am doing illegal?
          </Link>
        </p>
        <p className="govuk-body app-nothing-saved">{common.nothingSaved}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to=".">
            Start this check again
          </Link>{' '}
          or{' '}
          <Link className="govuk-link" to="/checks">
            choose another check
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
