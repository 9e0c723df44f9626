import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { redirect } from '~/server/redirect.server';
import { useLoaderData } from '@remix-run/react';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { StaffForm } from '~/components/staff/staff-form';
import { requireStaff } from '~/server/staff-auth.server';

// Opening this page does not count as activity: it is what the browser opens by itself.
export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, 'account:manage:own', { touch: false });
  const secondsLeft = Math.max(0, Math.floor((staff.idleExpiresAt.getTime() - Date.now()) / 1000));
  return json({ secondsLeft });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `You will be signed out soon – ${STAFF_SERVICE_NAME}` },
  // Without JavaScript, the browser moves on to the signed-out page when the time is up.
  ...(data ? [{ httpEquiv: 'refresh', content: `${data.secondsLeft + 1};url=/staff/signed-out?reason=idle` } as const] : []),
];

/** "Stay signed in": any request through requireStaff counts as activity. */
export async function action(args: ActionFunctionArgs) {
  await requireStaff(args, 'account:manage:own');
  return redirect('/staff');
}

export default function SessionWarning() {
  const { secondsLeft } = useLoaderData<typeof loader>();
  const minutes = Math.max(1, Math.round(secondsLeft / 60));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You will be signed out soon</h1>
        <p className="govuk-body">
          {`You have not done anything for a while. To protect the information in this service, we will sign you out in about ${minutes} minute${minutes === 1 ? '' : 's'}.`}
        </p>
        <p className="govuk-body">Anything you have not saved will be lost.</p>
        <div className="govuk-button-group">
          <StaffForm>
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Stay signed in
            </button>
          </StaffForm>
          <StaffForm action="/staff/sign-out">
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Sign out
            </button>
          </StaffForm>
        </div>
      </div>
    </div>
  );
}
