import { Link } from '@remix-run/react';

/**
 * What a new password does not change: the emailed link proves the mailbox, not the
 * phone, so two-factor authentication stays on. There are no recovery codes, so
 * someone who has lost the phone too needs a person to help.
 */
export function TwoFactorStaysOn({ lead }: { lead: string }) {
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">{lead}</p>
      <p className="govuk-body">
        If you have also lost the phone with your authenticator app, a new password is not enough to sign in. Contact Stop It Now Scotland, using the details on{' '}
        <Link className="govuk-link" to="/toolkit/get-help">
          where to get help
        </Link>
        .
      </p>
    </div>
  );
}
