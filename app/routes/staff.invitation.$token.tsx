import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { errorTitle } from '~/components/form/error-summary';
import { SetPasswordPage } from '~/components/staff/set-password-page';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { loadSetPassword, setPassword } from '~/server/set-password.server';

export const meta: MetaFunction<typeof action> = ({ data }) => [{ title: errorTitle(`Choose a password – ${STAFF_SERVICE_NAME}`, !!data) }];

export const loader = (args: LoaderFunctionArgs) => loadSetPassword('invitation', args);
export const action = (args: ActionFunctionArgs) => setPassword('invitation', args);

export default function Invitation() {
  const { account, minLength } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return <SetPasswordPage purpose="invitation" account={account} minLength={minLength} errors={data?.errors} />;
}
