import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { PRACTITIONER_PAGES, PractitionerForm, practitionerTitle } from '~/components/practitioners/practitioner-form';
import { SignOutButton } from '~/components/practitioners/sign-out-button';
import { packsAction, packsLoader } from '~/server/practitioners.server';

export const meta: MetaFunction = () => [{ title: practitionerTitle('Your packs') }];

export const loader = packsLoader;
export const action = packsAction;

const RESENT = {
  sent: 'We have sent a new link. It works for 24 hours; any earlier link no longer works.',
  'sent-recently': 'We sent a link less than a minute ago. Give it a few minutes to arrive, and look in your junk or spam folder.',
  'already-confirmed': 'Your email address is already confirmed.',
} as const;

export default function Packs() {
  const { csrfToken, email, verified, packs } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {data?.resent ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="resent-title" data-module="govuk-notification-banner">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="resent-title">
                Confirmation link
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">{RESENT[data.resent]}</p>
            </div>
          </div>
        ) : null}
        <span className="govuk-caption-l">Practitioner packs</span>
        <h1 className="govuk-heading-xl">Download the packs</h1>
        {verified ? (
          <>
            <p className="govuk-body">
              Each pack is a PDF holding every page of one part of the toolkit, in order. The pages online are kept up to date, so download a pack again before printing
              it for others.
            </p>
            <ul className="govuk-list app-card-list">
              {packs.map((pack) => (
                <li key={pack.section}>
                  <h2 className="govuk-heading-m">
                    <a className="govuk-link" href={`${PRACTITIONER_PAGES.packs}/${pack.section}.pdf`} download={pack.fileName}>
                      {pack.title}
                      <span className="govuk-visually-hidden">: practitioner pack</span> (PDF)
                    </a>
                  </h2>
                  <p className="govuk-body">{pack.summary}</p>
                  <p className="govuk-body-s app-secondary-text">
                    {pack.pageTitles.length} pages: {pack.pageTitles.join(' · ')}
                  </p>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <>
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                Confirm your email address to download the packs.
              </strong>
            </div>
            <p className="govuk-body">
              We sent a link to <strong>{email}</strong> when you registered. Open it to confirm the address is yours, then come back to this page.
            </p>
            <PractitionerForm csrfToken={csrfToken}>
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Send me a new link
              </button>
            </PractitionerForm>
          </>
        )}
        <h2 className="govuk-heading-m">Your account</h2>
        <p className="govuk-body">
          You are signed in as {email}.{' '}
          <Link className="govuk-link" to={PRACTITIONER_PAGES.account}>
            Manage your account and two-factor authentication
          </Link>
          .
        </p>
        <SignOutButton csrfToken={csrfToken} />
      </div>
    </div>
  );
}
