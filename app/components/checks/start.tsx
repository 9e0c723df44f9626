import { Form, Link } from '@remix-run/react';
import type { CheckWording } from '#modules/checks/wording';

export function CheckStart({ check }: { check: CheckWording }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Self-check</span>
        <h1 className="govuk-heading-xl">{check.title}</h1>
        <div dangerouslySetInnerHTML={{ __html: check.introHtml }} />
        <p className="govuk-body">It takes {check.duration.replace(/^About/, 'about')}.</p>
        <Form method="post">
          <button type="submit" name="intent" value="start" className="govuk-button govuk-button--start" data-module="govuk-button">
            Start now
            <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
          </button>
        </Form>
        <p className="govuk-body">
          If you were given a code to continue later,{' '}
          <Link className="govuk-link" to="resume">
            continue with your code
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
