import { Form } from '@remix-run/react';
import { useEffect, useState } from 'react';
import type { AnswerSummary } from '#modules/content/exercise';

export interface ExerciseResultProps {
  summary: AnswerSummary[];
  feedback: string[];
  printable: boolean;
  pdfAction: string;
  /** The answers again, as hidden fields for the PDF download. */
  values: Record<string, string | string[] | undefined>;
  title: string;
}

/** The answers reflected back, with the guidance that fits them. Nothing here was stored. */
export function ExerciseResult({ summary, feedback, printable, pdfAction, values, title }: ExerciseResultProps) {
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  return (
    <section className="app-exercise-result" aria-labelledby="exercise-result-heading" tabIndex={-1} id="exercise-result">
      {printable ? <p className="govuk-heading-l app-print-only">{title}</p> : null}
      <h2 className="govuk-heading-l app-no-print" id="exercise-result-heading">
        {printable ? 'Your plan' : 'Your answers'}
      </h2>
      <dl className="govuk-summary-list app-plan">
        {summary.map((answer) => (
          <div className="govuk-summary-list__row" key={answer.name}>
            <dt className="govuk-summary-list__key">{answer.label}</dt>
            <dd className="govuk-summary-list__value">
              {answer.lines.length === 0 ? (
                <span className="app-secondary-text">Nothing written here</span>
              ) : answer.lines.length === 1 ? (
                <p className="govuk-body app-preserve-lines">{answer.lines[0]}</p>
              ) : (
                <ul className="govuk-list govuk-list--bullet">
                  {answer.lines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {printable ? (
        <div className="app-no-print">
          <p className="govuk-body">
            This site has not kept a copy. Keep your plan somewhere private: not on a shared computer or phone.
          </p>
          <div className="govuk-button-group">
            <Form method="post" action={pdfAction} reloadDocument>
              {Object.entries(values).flatMap(([name, value]) =>
                (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v, i) => <input type="hidden" name={name} value={v} key={`${name}-${i}`} />),
              )}
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Download as PDF
              </button>
            </Form>
            {canPrint ? (
              <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => window.print()}>
                Print this plan
              </button>
            ) : null}
          </div>
          {!canPrint ? <p className="govuk-body">To print it, use your browser&apos;s Print command (Ctrl and P, or Command and P on a Mac).</p> : null}
        </div>
      ) : null}
      <div className="app-no-print">
        <h2 className="govuk-heading-m">What this might mean for you</h2>
        {feedback.map((html, i) => (
          <div key={i} dangerouslySetInnerHTML={{ __html: html }} />
        ))}
        <p className="govuk-body app-nothing-saved">Your answers were not saved. When you leave this page, they are gone.</p>
        <h2 className="govuk-heading-m">Change your answers</h2>
      </div>
    </section>
  );
}
