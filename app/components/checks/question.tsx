import { Form } from '@remix-run/react';
import type { CheckView } from '#modules/checks/service';
import type { CheckWording } from '#modules/checks/wording';
import { ErrorSummary } from '~/components/form/error-summary';
import { Checkboxes, Radios } from '~/components/form/fields';
import { CarriedAnswers, LinkButton } from './carried-answers';

type QuestionView = Extract<CheckView, { kind: 'question' }>;

export const RESPONSE_ID = 'response';

export function CheckQuestion({
  check,
  view,
  carried,
  questionType,
}: {
  check: CheckWording;
  view: QuestionView;
  carried: Array<{ name: string; value: string }>;
  questionType: 'single' | 'multiple' | 'scale';
}) {
  const words = check.questions[view.questionId]!;
  const fromCarried = carried.filter((f) => f.name === `a:${view.questionId}`).map((f) => f.value);
  const chosen = view.draft ?? fromCarried;
  const common = {
    id: RESPONSE_ID,
    name: 'response',
    label: words.text,
    hint: words.hint ?? undefined,
    error: view.error ?? undefined,
    isPageHeading: 'focused' as const,
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Form method="post" noValidate key={`${view.questionId}:${view.returnTo}:${chosen.join(',')}:${view.error}`}>
          <ErrorSummary errors={view.error ? [{ href: RESPONSE_ID, message: view.error }] : []} />
          <CarriedAnswers fields={carried.filter((f) => f.name !== `a:${view.questionId}`)} />
          <input type="hidden" name="question" value={view.questionId} />
          {view.returnTo ? <input type="hidden" name="returnTo" value={view.returnTo} /> : null}
          <span className="govuk-caption-l">
            {check.title} · Question {view.number}
          </span>
          {questionType === 'multiple' ? (
            <Checkboxes {...common} options={words.options} values={chosen} exclusiveValue={words.options.find((o) => o.value === 'prefer_not_to_say')?.value} />
          ) : questionType === 'scale' ? (
            <Radios
              {...common}
              hint={`${words.hint ? `${words.hint} ` : ''}0 means “${words.minLabel}”. 10 means “${words.maxLabel}”.`}
              options={Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: String(n) }))}
              value={chosen[0]}
              inline
              small
            />
          ) : (
            <Radios {...common} options={words.options} value={chosen[0]} dividerBeforeLast={words.options.at(-1)?.value === 'prefer_not_to_say' ? 'or' : undefined} />
          )}
          <button type="submit" name="intent" value="answer" className="govuk-button" data-module="govuk-button">
            Continue
          </button>
          <ul className="govuk-list app-step-actions">
            <li>
              <LinkButton value="back">Back to the previous question</LinkButton>
            </li>
            <li>
              <LinkButton value="code">Get a code to continue another day</LinkButton>
            </li>
          </ul>
        </Form>
      </div>
    </div>
  );
}
