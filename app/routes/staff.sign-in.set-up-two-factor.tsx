import type { MetaFunction } from '@remix-run/node';
import type { ShouldRevalidateFunction } from '@remix-run/react';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { errorTitle } from '~/components/form/error-summary';
import { CodeForm } from '~/components/staff/code-form';
import { RecoveryCodes } from '~/components/staff/recovery-codes';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { enrolmentLoader, enrolmentStep } from '~/server/staff-sign-in.server';

export const meta: MetaFunction<typeof action> = ({ data }) => [
  { title: errorTitle(`Set up two-factor authentication – ${STAFF_SERVICE_NAME}`, !!data && 'error' in data) },
];

export const loader = enrolmentLoader;

// Once set up, the person is signed in and this page's loader would send them on;
// the recovery codes from the action must stay on screen until they choose to go.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === 'object' && 'recoveryCodes' in actionResult ? false : defaultShouldRevalidate;
export const action = enrolmentStep;

export default function SetUpTwoFactor() {
  const { setUp } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  if (data && 'recoveryCodes' in data) return <RecoveryCodes codes={data.recoveryCodes} continueTo="/staff" />;
  if (!setUp) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Sign in to set up two-factor authentication</h1>
          <p className="govuk-body">You need to sign in with your email address and password first.</p>
          <Link to="/staff/sign-in" className="govuk-button" data-module="govuk-button">
            Sign in
          </Link>
        </div>
      </div>
    );
  }
  const { qrSvg, secret, email } = setUp;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <CodeForm
          title="Set up two-factor authentication"
          label="Code from the app"
          hint="After adding the account, the app shows a 6-digit code. Enter it here."
          error={data && 'error' in data ? data.error : undefined}
          attempt={data && 'at' in data ? data.at : undefined}
          kind="totp"
          button="Continue"
        >
          <p className="govuk-body">
            Every time you sign in, you will need your password and a code from an authenticator app on your phone. This keeps case records safe even if someone learns your password.
          </p>
          <ol className="govuk-list govuk-list--number">
            <li>Open an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator).</li>
            <li>Add an account and scan this QR code.</li>
          </ol>
          <div className="app-qr-code" role="img" aria-label={`QR code for the account ${email}`} dangerouslySetInnerHTML={{ __html: qrSvg }} />
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">I cannot scan the QR code</span>
            </summary>
            <div className="govuk-details__text">
              <p className="govuk-body">In the app, choose to enter a setup key, and type this key. Choose a time-based code if the app asks.</p>
              <p className="govuk-body">
                <code className="app-totp-secret" data-testid="totp-secret">
                  {secret}
                </code>
              </p>
            </div>
          </details>
        </CodeForm>
      </div>
    </div>
  );
}
