import { Form } from '@remix-run/react';
import type { CheckView } from '#modules/checks/service';
import type { CheckWording } from '#modules/checks/wording';
import { CarriedAnswers, LinkButton } from './carried-answers';
import { STEP_HEADING } from '~/components/form/step-heading';

export function CheckAnswers({ check, view, carried }: { check: CheckWording; view: Extract<CheckView, { kind: 'check-answers' }>; carried: Array<{ name: string; value: string }> }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Form method="post" noValidate>
          <CarriedAnswers fields={carried} />
          <span className="govuk-caption-l">{check.title}</span>
          <h1 className="govuk-heading-l" {...STEP_HEADING}>
            Check your answers
          </h1>
          <p className="govuk-body">You can change any answer before you see your next steps.</p>
          <dl className="govuk-summary-list">
            {view.rows.map((row) => (
              <div className="govuk-summary-list__row" key={row.questionId}>
                <dt className="govuk-summary-list__key">{row.question}</dt>
                <dd className="govuk-summary-list__value">
                  {row.answer.length === 1 ? (
                    row.answer[0]
                  ) : (
                    <ul className="govuk-list">
                      {row.answer.map((a) => (
                        <li key={a}>{a}</li>
                      ))}
                    </ul>
                  )}
                </dd>
                <dd className="govuk-summary-list__actions">
                  <LinkButton value={`change:${row.questionId}`}>
                    Change<span className="govuk-visually-hidden"> your answer to: {row.question}</span>
                  </LinkButton>
                </dd>
              </div>
            ))}
          </dl>
          <p className="govuk-body app-nothing-saved">Your answers are not saved. They stay in this page until you leave it.</p>
          <button type="submit" name="intent" value="result" className="govuk-button" data-module="govuk-button">
            See my next steps
          </button>
          <ul className="govuk-list app-step-actions">
            <li>
              <LinkButton value="code">Get a code to continue another day</LinkButton>
            </li>
          </ul>
        </Form>
      </div>
    </div>
  );
}
