import { Form } from '@remix-run/react';
import type { CheckWording } from '#modules/checks/wording';
import { ErrorSummary } from '~/components/form/error-summary';
import { TextInput } from '~/components/form/fields';

export function CheckResume({ check, action, error, typed }: { check: CheckWording; action: string; error: string | null; typed: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Form method="post" action={action} noValidate key={`${typed}:${error}`}>
          <ErrorSummary errors={error ? [{ href: 'code', message: error }] : []} />
          <span className="govuk-caption-l">{check.title}</span>
          <TextInput
            id="code"
            name="code"
            label="Continue with your code"
            isPageHeading
            hint="Type the code you were given. Spaces and capital letters do not matter."
            value={typed}
            error={error ?? undefined}
            spellCheck={false}
            width="full"
            autoComplete="off"
          />
          <button type="submit" name="intent" value="resume" className="govuk-button" data-module="govuk-button">
            Continue
          </button>
        </Form>
      </div>
    </div>
  );
}
