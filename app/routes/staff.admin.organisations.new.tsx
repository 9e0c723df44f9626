import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { ORGANISATION_KINDS } from '#db/schema';
import { ErrorSummary, errorList } from '~/components/form/error-summary';
import { Radios, TextInput } from '~/components/form/fields';
import { ORGANISATION_KIND_LABELS } from '~/components/staff/labels';
import { StaffForm } from '~/components/staff/staff-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { newOrganisationAction, newOrganisationLoader } from '~/server/admin-organisations.server';

export const meta: MetaFunction = () => [{ title: `Add an organisation – ${STAFF_SERVICE_NAME}` }];

export const loader = newOrganisationLoader;
export const action = newOrganisationAction;

const KIND_HINTS: Record<(typeof ORGANISATION_KINDS)[number], string> = {
  copfs_office: 'A procurator fiscal office. Its staff can only be referrers.',
  justice_social_work: 'A local authority justice social work team. Its staff can only be referrers.',
  choice_service: 'The CHOICE programme. Its staff are programme workers, team managers and administrators.',
};

export default function NewOrganisation() {
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/admin/organisations" className="govuk-back-link">
          Back to organisations
        </Link>
        <ErrorSummary errors={errorList(errors, ['name', 'kind'])} />
        <h1 className="govuk-heading-l">Add an organisation</h1>
        <StaffForm>
          <TextInput id="name" name="name" label="Name" hint="As staff know it, such as COPFS Edinburgh or Fife Justice Social Work" value={data?.values.name} error={errors.name} />
          <Radios
            id="kind"
            name="kind"
            label="What kind of organisation is it?"
            value={data?.values.kind}
            error={errors.kind}
            options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: ORGANISATION_KIND_LABELS[kind], hint: KIND_HINTS[kind] }))}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Add organisation
          </button>
        </StaffForm>
      </div>
    </div>
  );
}
