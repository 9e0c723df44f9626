import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { STAFF_ROLES } from '#db/schema';
import { ErrorSummary, errorList } from '~/components/form/error-summary';
import { Radios, Select, TextInput } from '~/components/form/fields';
import { ORGANISATION_KIND_LABELS, ROLE_LABELS } from '~/components/staff/labels';
import { StaffForm } from '~/components/staff/staff-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { inviteAction, inviteLoader } from '~/server/admin-staff.server';

export const meta: MetaFunction = () => [{ title: `Invite a member of staff – ${STAFF_SERVICE_NAME}` }];

export const loader = inviteLoader;
export const action = inviteAction;

const ROLE_HINTS: Record<(typeof STAFF_ROLES)[number], string> = {
  referrer: 'Makes referrals and follows them. For a COPFS office or a justice social work team.',
  worker: 'Runs sessions with the cases allocated to them. For the CHOICE service.',
  manager: 'Screens and allocates referrals and signs off reports. For the CHOICE service.',
  admin: 'Manages organisations and accounts; never sees case content. For the CHOICE service.',
};

export default function InviteStaff() {
  const { organisations } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const values = data?.values ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/admin/staff" className="govuk-back-link">
          Back to staff accounts
        </Link>
        <ErrorSummary errors={errorList(errors, ['fullName', 'email', 'organisationId', 'role'])} />
        <h1 className="govuk-heading-l">Invite a member of staff</h1>
        <p className="govuk-body">
          We will email them a link to choose a password. The link works once, for 7 days. When they first sign in, they will set up two-factor authentication with an
          authenticator app.
        </p>
        <StaffForm>
          <TextInput id="fullName" name="fullName" label="Full name" value={values.fullName} error={errors.fullName} autoComplete="off" />
          <TextInput id="email" name="email" label="Email address" hint="Their work email address" type="email" value={values.email} error={errors.email} spellCheck={false} />
          {data?.existingId ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={`/staff/admin/staff/${data.existingId}`}>
                Go to the account with this email address
              </Link>
            </p>
          ) : null}
          <Select
            id="organisationId"
            name="organisationId"
            label="Organisation"
            value={values.organisationId}
            error={errors.organisationId}
            options={[{ value: '', label: 'Choose an organisation' }, ...organisations.map((o) => ({ value: o.id, label: `${o.name} (${ORGANISATION_KIND_LABELS[o.kind]})` }))]}
          />
          <Radios
            id="role"
            name="role"
            label="Role"
            legendSize="s"
            value={values.role}
            error={errors.role}
            options={STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], hint: ROLE_HINTS[role] }))}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Send invitation
          </button>
        </StaffForm>
      </div>
    </div>
  );
}
