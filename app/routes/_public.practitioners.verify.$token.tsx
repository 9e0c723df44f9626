import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { PRACTITIONER_PAGES, PractitionerForm, practitionerTitle } from '~/components/practitioners/practitioner-form';
import { verifyAction, verifyLoader } from '~/server/practitioners.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: practitionerTitle(data?.valid ? 'Confirm your email address' : 'This link cannot be used') }];

// The link's token is in the address, so this page never goes in the page cache.
export const loader = verifyLoader;
export const action = verifyAction;

export default function VerifyEmail() {
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.status === 'verified') {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">Your email address is confirmed</h1>
          </div>
          <p className="govuk-body">Thank you. You can now sign in and download the practitioner packs.</p>
          <Link to={PRACTITIONER_PAGES.signIn} className="govuk-button" data-module="govuk-button">
            Sign in
          </Link>
        </div>
      </div>
    );
  }
  if (!valid || result?.status === 'link-not-valid') {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">This link has expired or has been used</h1>
          <p className="govuk-body">Each link works once, for 24 hours.</p>
          <p className="govuk-body">
            If you have already confirmed your email address, you can <Link className="govuk-link" to={PRACTITIONER_PAGES.signIn}>sign in</Link>. If not, sign in and
            ask for a new link on the next page.
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Confirm your email address</h1>
        <p className="govuk-body">Select the button to confirm that this email address is yours. Then you can sign in and download the practitioner packs.</p>
        <PractitionerForm>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Confirm my email address
          </button>
        </PractitionerForm>
      </div>
    </div>
  );
}
