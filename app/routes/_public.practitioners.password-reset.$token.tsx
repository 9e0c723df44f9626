import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorSummary, errorList, errorTitle } from '~/components/form/error-summary';
import { NewPasswordFields } from '~/components/form/new-password-fields';
import { PRACTITIONER_PAGES, PractitionerForm, practitionerTitle, usePageTitle } from '~/components/practitioners/practitioner-form';
import { TwoFactorStaysOn } from '~/components/practitioners/two-factor-stays-on';
import { passwordResetAction, passwordResetLoader } from '~/server/practitioner-password-reset.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: practitionerTitle(data?.account ? 'Choose a new password' : 'This link cannot be used') }];

// The link's token is in the address, so this page never goes in the page cache.
export const loader = passwordResetLoader;
export const action = passwordResetAction;

export default function PractitionerPasswordReset() {
  const { account, minLength } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const linkNotValid = !account || !!data?.linkNotValid;
  usePageTitle(errorTitle(practitionerTitle(linkNotValid ? 'This link cannot be used' : 'Choose a new password'), !linkNotValid && !!data?.errors));
  if (!account || linkNotValid) return <LinkNotValid />;
  const errors = data?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorList(errors, ['password', 'confirmPassword'])} />
        <span className="govuk-caption-l">Practitioner packs</span>
        <h1 className="govuk-heading-l">Choose a new password</h1>
        <p className="govuk-body">For the account {account.email}. Saving a new password signs you out everywhere you are signed in.</p>
        <PractitionerForm>
          <NewPasswordFields email={account.email} minLength={minLength} errors={errors} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save password
          </button>
        </PractitionerForm>
        {account.twoFactorOn ? (
          <TwoFactorStaysOn lead="Two-factor authentication is on for this account, and stays on: after signing in with your new password, you will still need the code from your authenticator app." />
        ) : null}
      </div>
    </div>
  );
}

function LinkNotValid() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">This link has expired or has been used</h1>
        <p className="govuk-body">Each link to reset a password works once, for 30 minutes, and only the newest link you were sent works.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={PRACTITIONER_PAGES.passwordReset}>
            Ask for a new link
          </Link>
          , or if you have already chosen a new password,{' '}
          <Link className="govuk-link" to={PRACTITIONER_PAGES.signIn}>
            sign in
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
