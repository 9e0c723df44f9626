import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { errorTitle } from '~/components/form/error-summary';
import { CodeForm } from '~/components/staff/code-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { secondFactorPageLoader, secondFactorStep } from '~/server/staff-sign-in.server';

export const meta: MetaFunction<typeof action> = ({ data }) => [{ title: errorTitle(`Use a recovery code – ${STAFF_SERVICE_NAME}`, !!data) }];

export const loader = secondFactorPageLoader;
export const action = (args: ActionFunctionArgs) => secondFactorStep('recovery', args);

export default function RecoveryCodeSignIn() {
  const data = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <CodeForm
          title="Sign in with a recovery code"
          label="Recovery code"
          hint="One of the 10 codes you were given when you set up two-factor authentication, like K7PQM-3XDHV. Each code works once."
          error={data?.error}
          attempt={data?.at}
          kind="recovery"
          button="Sign in"
        />
        <p className="govuk-body">
          If you have no recovery codes left, ask your administrator to reset your two-factor authentication. You will then set it up again at your next sign-in.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/staff/sign-in/two-factor">
            Use a code from my app instead
          </Link>
        </p>
      </div>
    </div>
  );
}
