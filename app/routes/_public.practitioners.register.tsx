import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { ErrorSummary, errorList, errorTitle } from '~/components/form/error-summary';
import { TextInput } from '~/components/form/fields';
import { PRACTITIONER_PAGES, PractitionerForm, practitionerTitle, usePageTitle } from '~/components/practitioners/practitioner-form';
import { registerAction, signedOutOnlyLoader } from '~/server/practitioners.server';

export const meta: MetaFunction = () => [{ title: practitionerTitle('Register') }];

export const loader = signedOutOnlyLoader;
export const action = registerAction;

const FIELDS = ['email', 'organisationName', 'password', 'confirmPassword'];

export default function Register() {
  const data = useActionData<typeof action>();
  usePageTitle(data?.sentTo ? practitionerTitle('Check your email') : errorTitle(practitionerTitle('Register'), !!data?.errors));
  if (data?.sentTo) return <CheckYourEmail email={data.sentTo} />;
  const errors = data?.errors ?? {};
  const values = data?.values ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorList(errors, FIELDS)} />
        <span className="govuk-caption-l">Practitioner packs</span>
        <h1 className="govuk-heading-l">Register to download the packs</h1>
        <p className="govuk-body">We ask for these three things and nothing else.</p>
        <PractitionerForm>
          <TextInput
            id="email"
            name="email"
            label="Email address"
            hint="Your work email address if you have one. We will send a link to it to confirm it is yours."
            type="email"
            autoComplete="email"
            spellCheck={false}
            value={values.email}
            error={errors.email}
          />
          <TextInput
            id="organisationName"
            name="organisationName"
            label="Organisation name"
            hint="The organisation you work or volunteer for, such as a school, a GP practice or a youth group"
            autoComplete="organization"
            value={values.organisationName}
            error={errors.organisationName}
            maxLength={200}
          />
          <TextInput
            id="password"
            name="password"
            label="Create a password"
            hint="At least 12 characters. Three or four words you will remember, strung together, make a good password."
            type="password"
            autoComplete="new-password"
            error={errors.password}
          />
          <TextInput id="confirmPassword" name="confirmPassword" label="Enter the password again" type="password" autoComplete="new-password" error={errors.confirmPassword} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Register
          </button>
        </PractitionerForm>
        <p className="govuk-body">
          Already registered?{' '}
          <Link className="govuk-link" to={PRACTITIONER_PAGES.signIn}>
            Sign in
          </Link>
          .
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
          We have sent an email to <strong>{email}</strong>.
        </p>
        <p className="govuk-body">Open the link in it within 24 hours to confirm your email address. Then you can sign in and download the packs.</p>
        <p className="govuk-body">If the email has not arrived in a few minutes, look in your junk or spam folder. If this address was already registered, the email says how to sign in.</p>
        <Link to={PRACTITIONER_PAGES.signIn} className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Go to sign in
        </Link>
      </div>
    </div>
  );
}
