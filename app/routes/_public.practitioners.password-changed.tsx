import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { PRACTITIONER_PAGES, practitionerTitle } from '~/components/practitioners/practitioner-form';

export const meta: MetaFunction = () => [{ title: practitionerTitle('Your password has been changed') }];

/** Where a password reset ends: the link is spent, so the page says only what happens next. */
export default function PractitionerPasswordChanged() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Your password has been changed</h1>
        </div>
        <p className="govuk-body">You have been signed out everywhere you were signed in. Sign in with your new password.</p>
        <p className="govuk-body">If you turned on two-factor authentication, it is still on: you will also need the code from your authenticator app.</p>
        <Link to={PRACTITIONER_PAGES.signIn} className="govuk-button" data-module="govuk-button">
          Sign in
        </Link>
      </div>
    </div>
  );
}
