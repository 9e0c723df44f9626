import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { redirect } from '~/server/redirect.server';
import { Link, useLoaderData } from '@remix-run/react';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { readStaffSession } from '~/server/staff-auth.server';

export const meta: MetaFunction = () => [{ title: `You have been signed out – ${STAFF_SERVICE_NAME}` }];

const MESSAGES = {
  idle: 'You have been signed out because you did not do anything for a while. Anything you had not saved has not been kept.',
  absolute: 'You have been signed out because you have been signed in for the longest time allowed. Sign in again to carry on.',
  everywhere: 'You have been signed out on this device and on every other device where you were signed in.',
  chosen: 'You have been signed out.',
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Still signed in (the warning page timed out in one tab while another kept working).
  const session = await readStaffSession(request, context);
  if (session.status === 'active' && session.stage === 'signed_in') throw redirect('/staff');
  const reason = new URL(request.url).searchParams.get('reason');
  return json({ message: MESSAGES[reason === 'idle' || reason === 'absolute' || reason === 'everywhere' ? reason : 'chosen'] });
}

export default function SignedOut() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You have been signed out</h1>
        <p className="govuk-body">{message}</p>
        <Link to="/staff/sign-in" className="govuk-button" data-module="govuk-button">
          Sign in
        </Link>
      </div>
    </div>
  );
}
