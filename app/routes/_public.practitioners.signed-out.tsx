import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PRACTITIONER_PAGES, practitionerTitle } from '~/components/practitioners/practitioner-form';
import { signedOutLoader } from '~/server/practitioners.server';

export const meta: MetaFunction = () => [{ title: practitionerTitle('You have signed out') }];

export const loader = signedOutLoader;

const MESSAGES = {
  chosen: 'You have signed out, and the cookie that kept you signed in has been removed.',
  idle: 'You have been signed out because you did not do anything for a while.',
  absolute: 'You have been signed out because you have been signed in for the longest time allowed.',
} as const;

export default function SignedOut() {
  const { reason } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{reason === 'chosen' ? 'You have signed out' : 'You have been signed out'}</h1>
        <p className="govuk-body">{MESSAGES[reason]}</p>
        <Link to={PRACTITIONER_PAGES.signIn} className="govuk-button" data-module="govuk-button">
          Sign in again
        </Link>
        <p className="govuk-body">
          <Link className="govuk-link" to="/toolkit">
            Go to the toolkit
          </Link>
        </p>
      </div>
    </div>
  );
}
