import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { ErrorSummary, errorList, errorTitle } from '~/components/form/error-summary';
import { TextInput } from '~/components/form/fields';
import { PRACTITIONER_PAGES, PractitionerForm, practitionerTitle, usePageTitle } from '~/components/practitioners/practitioner-form';
import { signInAction, signedOutOnlyLoader } from '~/server/practitioners.server';

export const meta: MetaFunction = () => [{ title: practitionerTitle('Sign in') }];

export const loader = signedOutOnlyLoader;
export const action = signInAction;

export default function PractitionerSignIn() {
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  usePageTitle(errorTitle(practitionerTitle('Sign in'), !!data));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorList(errors, ['email', 'password'])} />
        <span className="govuk-caption-l">Practitioner packs</span>
        <h1 className="govuk-heading-l">Sign in to download the packs</h1>
        <PractitionerForm>
          <TextInput id="email" name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} value={data?.values.email} error={errors.email} />
          <TextInput id="password" name="password" label="Password" type="password" autoComplete="current-password" error={errors.password} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Sign in
          </button>
        </PractitionerForm>
        <p className="govuk-body">
          <Link className="govuk-link" to={PRACTITIONER_PAGES.passwordReset}>
            I have forgotten my password
          </Link>
        </p>
        <p className="govuk-body">
          Not registered yet?{' '}
          <Link className="govuk-link" to={PRACTITIONER_PAGES.register}>
            Register for the practitioner packs
          </Link>
          .
        </p>
        <p className="govuk-body">
          This is not the sign-in for CHOICE staff.{' '}
          <Link className="govuk-link" to="/toolkit">
            The toolkit itself
          </Link>{' '}
          needs no account.
        </p>
      </div>
    </div>
  );
}
