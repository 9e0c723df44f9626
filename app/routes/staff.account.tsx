import type { MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ROLE_LABELS } from '~/components/staff/labels';
import { RecoveryCodes } from '~/components/staff/recovery-codes';
import { StaffForm } from '~/components/staff/staff-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { formatDateTime } from '~/components/staff/dates';
import { accountLoader, newRecoveryCodesAction } from '~/server/staff-sign-in.server';

export const meta: MetaFunction = () => [{ title: `Your account – ${STAFF_SERVICE_NAME}` }];

export const loader = accountLoader;
export const action = newRecoveryCodesAction;

export default function Account() {
  const account = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  if (data?.recoveryCodes) return <RecoveryCodes codes={data.recoveryCodes} continueTo="/staff/account" />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {account.recoveryCodeUsed ? (
          <div className="govuk-notification-banner" role="region" aria-labelledby="recovery-banner-title" data-module="govuk-notification-banner">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="recovery-banner-title">
                Important
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">
                You signed in with a recovery code. You have {account.unusedCodes} left. If you have lost your phone, ask your administrator to reset your two-factor authentication.
              </p>
            </div>
          </div>
        ) : null}
        <h1 className="govuk-heading-l">Your account</h1>
        <dl className="govuk-summary-list">
          {[
            ['Name', account.fullName],
            ['Email address', account.email],
            ['Organisation', account.organisationName],
            ['Role', ROLE_LABELS[account.role]],
            ['Two-factor authentication', account.twoFactorSince ? `Set up on ${formatDateTime(account.twoFactorSince)}` : 'Not set up'],
            ['Recovery codes left', String(account.unusedCodes)],
            ['Last signed in', account.lastSignIn ? formatDateTime(account.lastSignIn) : 'Never'],
          ].map(([key, value]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="govuk-body">To change your name, email address or role, ask your administrator.</p>

        <h2 className="govuk-heading-m">Recovery codes</h2>
        <p className="govuk-body">New codes replace all your old ones, used or not.</p>
        <StaffForm>
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Make new recovery codes
          </button>
        </StaffForm>

        <h2 className="govuk-heading-m">Sign out of all devices</h2>
        <p className="govuk-body">If you signed in on a computer you no longer use, or think someone else may be using your account, sign out everywhere. You will need to sign in again here too.</p>
        <StaffForm action="/staff/sign-out">
          <input type="hidden" name="scope" value="everywhere" />
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            Sign out of all devices
          </button>
        </StaffForm>
      </div>
    </div>
  );
}
