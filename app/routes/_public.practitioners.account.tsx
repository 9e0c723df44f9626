import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorSummary, errorTitle } from '~/components/form/error-summary';
import { CodeField } from '~/components/practitioners/code-field';
import { PRACTITIONER_PAGES, PractitionerForm, practitionerTitle, usePageTitle } from '~/components/practitioners/practitioner-form';
import { SignOutButton } from '~/components/practitioners/sign-out-button';
import { accountAction, accountLoader } from '~/server/practitioners.server';

export const meta: MetaFunction = () => [{ title: practitionerTitle('Your account') }];

export const loader = accountLoader;
export const action = accountAction;

const DONE = {
  on: 'Two-factor authentication is on. Next time you sign in, you will need a code from your app as well as your password.',
  off: 'Two-factor authentication is off. Signing in now needs only your password.',
} as const;

export default function PractitionerAccount() {
  const account = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const error = data?.error ?? null;
  usePageTitle(errorTitle(practitionerTitle('Your account'), !!error));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {/* The message links to the code field when there is one (a forged form may have none). */}
        <ErrorSummary errors={error ? [{ href: account.twoFactorOn || data?.setUp ? 'code' : 'main-content', message: error }] : []} />
        {data?.done ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" data-module="govuk-notification-banner">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="done-title">
                Success
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">{DONE[data.done]}</p>
            </div>
          </div>
        ) : null}
        <span className="govuk-caption-l">Practitioner packs</span>
        <h1 className="govuk-heading-l">Your account</h1>
        <dl className="govuk-summary-list">
          {[
            ['Email address', account.email],
            ['Organisation', account.organisationName],
            ['Email address confirmed', account.verified ? 'Yes' : 'Not yet'],
            ['Two-factor authentication', account.twoFactorOn ? 'On' : 'Off'],
          ].map(([key, value]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>

        <h2 className="govuk-heading-m">Two-factor authentication</h2>
        {account.twoFactorOn ? (
          <TurnOff csrfToken={account.csrfToken} error={error} />
        ) : data?.setUp ? (
          <TurnOn csrfToken={account.csrfToken} error={error} setUp={data.setUp} email={account.email} />
        ) : (
          <>
            <p className="govuk-body">
              Two-factor authentication is optional. When it is on, signing in needs your password and a code from an authenticator app on your phone, so someone who
              learns your password still cannot sign in as you.
            </p>
            <PractitionerForm csrfToken={account.csrfToken}>
              <input type="hidden" name="intent" value="start-two-factor" />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Turn on two-factor authentication
              </button>
            </PractitionerForm>
          </>
        )}

        <h2 className="govuk-heading-m">Sign out</h2>
        <p className="govuk-body">
          <Link className="govuk-link" to={PRACTITIONER_PAGES.packs}>
            Back to the packs
          </Link>
        </p>
        <SignOutButton csrfToken={account.csrfToken} />
      </div>
    </div>
  );
}

function TurnOn({ csrfToken, error, setUp, email }: { csrfToken: string; error: string | null; setUp: { qrSvg: string; secret: string }; email: string }) {
  return (
    <>
      <ol className="govuk-list govuk-list--number">
        <li>Open an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator).</li>
        <li>Add an account and scan this QR code.</li>
        <li>Enter the 6-digit code the app then shows.</li>
      </ol>
      <div className="app-qr-code" role="img" aria-label={`QR code for the account ${email}`} dangerouslySetInnerHTML={{ __html: setUp.qrSvg }} />
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">I cannot scan the QR code</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">In the app, choose to enter a setup key, and type this key. Choose a time-based code if the app asks.</p>
          <p className="govuk-body">
            <code className="app-totp-secret" data-testid="totp-secret">
              {setUp.secret}
            </code>
          </p>
        </div>
      </details>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          If you lose your phone while two-factor authentication is on, you will not be able to sign in with it. Turn it off first if you change phones.
        </strong>
      </div>
      <PractitionerForm csrfToken={csrfToken}>
        <input type="hidden" name="intent" value="turn-on-two-factor" />
        <CodeField error={error} label="Code from the app" hint="The app shows a new 6-digit code every 30 seconds." />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Turn on two-factor authentication
        </button>
      </PractitionerForm>
    </>
  );
}

function TurnOff({ csrfToken, error }: { csrfToken: string; error: string | null }) {
  return (
    <>
      <p className="govuk-body">Two-factor authentication is on: signing in needs your password and a code from your app.</p>
      <PractitionerForm csrfToken={csrfToken}>
        <input type="hidden" name="intent" value="turn-off-two-factor" />
        <CodeField error={error} label="To turn it off, enter the code your app shows now" hint="A 6-digit code, such as 123456." />
        <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
          Turn off two-factor authentication
        </button>
      </PractitionerForm>
    </>
  );
}
