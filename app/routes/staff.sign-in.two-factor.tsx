import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { errorTitle } from '~/components/form/error-summary';
import { CodeForm } from '~/components/staff/code-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { secondFactorPageLoader, secondFactorStep } from '~/server/staff-sign-in.server';

export const meta: MetaFunction<typeof action> = ({ data }) => [{ title: errorTitle(`Enter your code – ${STAFF_SERVICE_NAME}`, !!data) }];

export const loader = secondFactorPageLoader;
export const action = (args: ActionFunctionArgs) => secondFactorStep('totp', args);

export default function TwoFactorSignIn() {
  const data = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <CodeForm
          title="Enter the code from your authenticator app"
          label="Code"
          hint="Open the authenticator app on your phone. It shows a 6-digit code for CHOICE (Stop It Now Scotland)."
          error={data?.error}
          attempt={data?.at}
          kind="totp"
          button="Sign in"
        />
        <p className="govuk-body">
          <Link className="govuk-link" to="/staff/sign-in/recovery-code">
            I cannot use my authenticator app
          </Link>
        </p>
      </div>
    </div>
  );
}
