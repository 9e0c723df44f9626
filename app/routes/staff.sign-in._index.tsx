import type { MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { ErrorSummary, errorList, errorTitle } from '~/components/form/error-summary';
import { TextInput } from '~/components/form/fields';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { passwordStep, signInPageLoader } from '~/server/staff-sign-in.server';

export const meta: MetaFunction<typeof action> = ({ data }) => [{ title: errorTitle(`Sign in – ${STAFF_SERVICE_NAME}`, !!data) }];

export const loader = signInPageLoader;
export const action = passwordStep;

export default function SignIn() {
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorList(errors, ['email', 'password'])} />
        <h1 className="govuk-heading-l">Sign in to {STAFF_SERVICE_NAME}</h1>
        <p className="govuk-body">For procurators fiscal, justice social workers and CHOICE staff. You will also need the authenticator app on your phone.</p>
        <Form method="post" noValidate>
          <TextInput id="email" name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} value={data?.values.email} error={errors.email} />
          <TextInput key={data?.at ?? 0} id="password" name="password" label="Password" type="password" autoComplete="current-password" error={errors.password} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Continue
          </button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/staff/password-reset">
            I have forgotten my password
          </Link>
        </p>
        <p className="govuk-body">If you are looking for help for yourself or someone you know, <Link className="govuk-link" to="/">go to the public site</Link>: it needs no account.</p>
      </div>
    </div>
  );
}
