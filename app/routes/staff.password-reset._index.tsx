import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { ErrorSummary, errorTitle } from '~/components/form/error-summary';
import { TextInput } from '~/components/form/fields';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { forgottenPasswordAction } from '~/server/staff-sign-in.server';

export const meta: MetaFunction<typeof action> = ({ data }) => [
  { title: errorTitle(`Reset your password – ${STAFF_SERVICE_NAME}`, !!data && 'errors' in data) },
];

export const action = forgottenPasswordAction;

export default function ForgottenPassword() {
  const data = useActionData<typeof action>();
  if (data && 'sentTo' in data) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Check your email</h1>
          <p className="govuk-body">
            If <strong>{data.sentTo}</strong> is the address of a staff account, we have sent it a link to choose a new password. The link works once, for 30 minutes.
          </p>
          <p className="govuk-body">If nothing arrives within a few minutes, check your junk folder, or ask your administrator.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/staff/sign-in">
              Back to sign in
            </Link>
          </p>
        </div>
      </div>
    );
  }
  const errors = data?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors.email ? [{ href: 'email', message: errors.email }] : []} />
        <h1 className="govuk-heading-l">Reset your password</h1>
        <p className="govuk-body">We will email you a link to choose a new password. You will still need your authenticator app to sign in.</p>
        <Form method="post" noValidate>
          <TextInput id="email" name="email" type="email" label="Email address" autoComplete="username" spellCheck={false} value={data?.values.email} error={errors.email} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Send the link
          </button>
        </Form>
      </div>
    </div>
  );
}
