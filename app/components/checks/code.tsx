import { Form } from '@remix-run/react';
import type { CheckView } from '#modules/checks/service';
import type { CheckWording } from '#modules/checks/wording';
import { CarriedAnswers } from './carried-answers';
import { STEP_HEADING } from '~/components/form/step-heading';

function spelledOut(code: string): string {
  return code
    .split(' ')
    .map((group) => group.split('').join(' '))
    .join(', ');
}

export function CheckCode({ check, view, carried }: { check: CheckWording; view: Extract<CheckView, { kind: 'code' }>; carried: Array<{ name: string; value: string }> }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{check.title}</span>
        <h1 className="govuk-heading-l" {...STEP_HEADING}>
          Your code to continue another day
        </h1>
        <p className="govuk-body">Write this code down, or keep it somewhere only you can see.</p>
        {/* Screen readers would read a group such as "PZP6" as a word: they get the
            characters one by one, in the same groups, instead. */}
        <p className="app-resume-code">
          <span className="govuk-visually-hidden">Your code, one character at a time: {spelledOut(view.code)}.</span>
          <code aria-hidden="true">{view.code}</code>
        </p>
        <p className="govuk-body">
          To carry on, choose &ldquo;continue with your code&rdquo; on the first page of this check and type it in. It works
          for {view.lifetimeDays} days.
        </p>
        <div className="govuk-inset-text">
          We have not kept your answers: they are inside the code, scrambled so that only this site can read them. Anyone
          who has the code could use it on this site to see your answers, so keep it private.
        </div>
        <Form method="post" noValidate>
          <CarriedAnswers fields={carried} />
          {view.at ? <input type="hidden" name="at" value={view.at} /> : null}
          <button type="submit" name="intent" value="continue" className="govuk-button" data-module="govuk-button">
            Carry on now
          </button>
        </Form>
      </div>
    </div>
  );
}
