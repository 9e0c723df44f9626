import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';

export const meta: MetaFunction = () => [{ title: `Password saved – ${STAFF_SERVICE_NAME}` }];

export function loader({ request }: LoaderFunctionArgs) {
  return json({ first: new URL(request.url).searchParams.has('first') });
}

export default function PasswordSet() {
  const { first } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Your password has been saved</h1>
        </div>
        <p className="govuk-body">
          {first
            ? 'Now sign in. You will then set up two-factor authentication with an authenticator app on your phone.'
            : 'You have been signed out everywhere you were signed in. Sign in with your new password.'}
        </p>
        <Link to="/staff/sign-in" className="govuk-button" data-module="govuk-button">
          Sign in
        </Link>
      </div>
    </div>
  );
}
