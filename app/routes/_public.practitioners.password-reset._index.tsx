import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { ErrorSummary, errorList, errorTitle } from '~/components/form/error-summary';
import { TextInput } from '~/components/form/fields';
import { PRACTITIONER_PAGES, PractitionerForm, practitionerTitle, usePageTitle } from '~/components/practitioners/practitioner-form';
import { TwoFactorStaysOn } from '~/components/practitioners/two-factor-stays-on';
import { passwordResetRequestAction } from '~/server/practitioner-password-reset.server';

export const meta: MetaFunction = () => [{ title: practitionerTitle('Reset your password') }];

export const action = passwordResetRequestAction;

export default function PractitionerPasswordResetRequest() {
  const data = useActionData<typeof action>();
  usePageTitle(data?.sentTo ? practitionerTitle('Check your email') : errorTitle(practitionerTitle('Reset your password'), !!data?.errors));
  if (data?.sentTo) return <CheckYourEmail email={data.sentTo} />;
  const errors = data?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorList(errors, ['email'])} />
        <span className="govuk-caption-l">Practitioner packs</span>
        <h1 className="govuk-heading-l">Reset your password</h1>
        <p className="govuk-body">Enter the email address you registered with. We will email you a link to choose a new password.</p>
        <PractitionerForm>
          <TextInput id="email" name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} value={data?.values?.email} error={errors.email} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Send the link
          </button>
        </PractitionerForm>
        <TwoFactorStaysOn lead="If you turned on two-factor authentication, it stays on: after choosing a new password, you will still need the code from your authenticator app to sign in." />
        <p className="govuk-body">
          <Link className="govuk-link" to={PRACTITIONER_PAGES.signIn}>
            Back to sign in
          </Link>
        </p>
      </div>
    </div>
  );
}

function CheckYourEmail({ email }: { email: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body">
          If <strong>{email}</strong> is registered for the practitioner packs, we have sent it a link to choose a new password. The link works once, for 30 minutes.
        </p>
        <p className="govuk-body">
          If the email has not arrived in a few minutes, look in your junk or spam folder. We send at most one link every 10 minutes, so if you asked a moment ago, use the
          link in that email.
        </p>
        <Link to={PRACTITIONER_PAGES.signIn} className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Go to sign in
        </Link>
      </div>
    </div>
  );
}
