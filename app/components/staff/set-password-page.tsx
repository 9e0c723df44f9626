import { Form, Link } from '@remix-run/react';
import { ErrorSummary, errorList } from '~/components/form/error-summary';
import { NewPasswordFields } from '~/components/form/new-password-fields';

interface Props {
  purpose: 'invitation' | 'password_reset';
  account: { email: string; fullName: string; organisationName: string } | null;
  minLength: number;
  errors?: Record<string, string>;
}

/** Choosing a password through an emailed link (a first password, or a new one). */
export function SetPasswordPage({ purpose, account, minLength, errors = {} }: Props) {
  if (!account) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">This link has expired or has been used</h1>
          {purpose === 'invitation' ? (
            <p className="govuk-body">Invitation links work once and for 7 days. Ask your administrator to send you a new invitation.</p>
          ) : (
            <p className="govuk-body">
              Password reset links work once and for 30 minutes. <Link className="govuk-link" to="/staff/password-reset">Ask for a new link</Link>.
            </p>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorList(errors, ['password', 'confirmPassword'])} />
        <span className="govuk-caption-l">{account.organisationName}</span>
        <h1 className="govuk-heading-l">{purpose === 'invitation' ? `Welcome, ${account.fullName}: choose a password` : 'Choose a new password'}</h1>
        <p className="govuk-body">For the account {account.email}.</p>
        <Form method="post" noValidate>
          <NewPasswordFields email={account.email} minLength={minLength} errors={errors} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save password
          </button>
        </Form>
      </div>
    </div>
  );
}
