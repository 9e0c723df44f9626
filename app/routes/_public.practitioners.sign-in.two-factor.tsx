import type { MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ErrorSummary, errorTitle } from '~/components/form/error-summary';
import { CodeField } from '~/components/practitioners/code-field';
import { PractitionerForm, practitionerTitle, usePageTitle } from '~/components/practitioners/practitioner-form';
import { twoFactorAction, twoFactorLoader } from '~/server/practitioners.server';

export const meta: MetaFunction = () => [{ title: practitionerTitle('Enter your code') }];

export const loader = twoFactorLoader;
export const action = twoFactorAction;

export default function PractitionerTwoFactor() {
  const { csrfToken } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  usePageTitle(errorTitle(practitionerTitle('Enter your code'), !!data?.error));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={data?.error ? [{ href: 'code', message: data.error }] : []} />
        <span className="govuk-caption-l">Practitioner packs</span>
        <h1 className="govuk-heading-l">Enter the code from your authenticator app</h1>
        <PractitionerForm csrfToken={csrfToken}>
          <CodeField error={data?.error} hint="Open the authenticator app on your phone. It shows a 6-digit code for the Stop It Now Scotland toolkit." />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Sign in
          </button>
        </PractitionerForm>
      </div>
    </div>
  );
}
