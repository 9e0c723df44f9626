import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorSummary, errorList } from '~/components/form/error-summary';
import { Checkboxes, TextInput } from '~/components/form/fields';
import { ActivityTimeline, AdminSubNavigation, InformationBanner, SuccessBanner } from '~/components/staff/admin-parts';
import { formatDateTime } from '~/components/staff/dates';
import { ORGANISATION_KIND_LABELS } from '~/components/staff/labels';
import { StaffForm } from '~/components/staff/staff-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { organisationAction, organisationLoader } from '~/server/admin-organisations.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation.name ?? 'Organisation'} – ${STAFF_SERVICE_NAME}` }];

export const loader = organisationLoader;
export const action = organisationAction;

const DONE: Record<string, { text: string; success: boolean }> = {
  created: { text: 'Organisation added. You can now invite its staff.', success: true },
  renamed: { text: 'Organisation renamed.', success: true },
  deactivated: { text: 'Organisation deactivated. Its staff have been signed out.', success: true },
  reactivated: { text: 'Organisation reactivated. Its active staff can sign in again.', success: true },
  'already-deactivated': { text: 'This organisation had already been deactivated, perhaps by someone else.', success: false },
  'already-reactivated': { text: 'This organisation had already been reactivated, perhaps by someone else.', success: false },
};

export default function OrganisationPage() {
  const { organisation, own, events, done } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const notice = done ? DONE[done] : undefined;
  const version = data?.conflict?.version ?? organisation.version;
  return (
    <>
      <AdminSubNavigation />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {notice && !data ? notice.success ? <SuccessBanner>{notice.text}</SuccessBanner> : <InformationBanner>{notice.text}</InformationBanner> : null}
          <ErrorSummary errors={errorList(errors, ['name', 'confirmDeactivate'])} />
          <span className="govuk-caption-l">{ORGANISATION_KIND_LABELS[organisation.kind]}</span>
          <h1 className="govuk-heading-l">{organisation.name}</h1>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Status</dt>
              <dd className="govuk-summary-list__value">
                {organisation.active ? <strong className="moj-badge moj-badge--green">Active</strong> : <strong className="moj-badge moj-badge--grey">Deactivated</strong>}
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Staff</dt>
              <dd className="govuk-summary-list__value">
                <Link className="govuk-link" to={`/staff/admin/staff?organisationId=${organisation.id}`}>
                  {organisation.activeStaff} active of {organisation.allStaff}
                  <span className="govuk-visually-hidden"> staff accounts in this organisation</span>
                </Link>
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Added</dt>
              <dd className="govuk-summary-list__value">{formatDateTime(organisation.createdAt)}</dd>
            </div>
          </dl>

          <h2 className="govuk-heading-m">Rename</h2>
          <StaffForm>
            <input type="hidden" name="intent" value="rename" />
            <input type="hidden" name="version" value={version} key={version} />
            <TextInput id="name" name="name" label="Name" value={data?.values.intent === 'rename' ? data.values.name : organisation.name} error={errors.name} />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Save name
            </button>
          </StaffForm>

          {organisation.active ? (
            <>
              <h2 className="govuk-heading-m">Deactivate</h2>
              {own ? (
                <p className="govuk-body">This is your own organisation, so you cannot deactivate it.</p>
              ) : (
                <StaffForm>
                  <input type="hidden" name="intent" value="deactivate" />
                  <div className="govuk-warning-text">
                    <span className="govuk-warning-text__icon" aria-hidden="true">
                      !
                    </span>
                    <strong className="govuk-warning-text__text">
                      <span className="govuk-visually-hidden">Warning</span>
                      All {organisation.activeStaff} of its staff will be signed out at once and cannot sign in until it is reactivated.
                    </strong>
                  </div>
                  <Checkboxes
                    id="confirmDeactivate"
                    name="confirmDeactivate"
                    label="Are you sure?"
                    legendSize="s"
                    error={errors.confirmDeactivate}
                    options={[{ value: 'yes', label: `Yes, deactivate ${organisation.name}` }]}
                  />
                  <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                    Deactivate organisation
                  </button>
                </StaffForm>
              )}
            </>
          ) : (
            <>
              <h2 className="govuk-heading-m">Reactivate</h2>
              <p className="govuk-body">Its active staff will be able to sign in again. Accounts deactivated one by one stay deactivated.</p>
              <StaffForm>
                <input type="hidden" name="intent" value="reactivate" />
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Reactivate organisation
                </button>
              </StaffForm>
            </>
          )}

          <h2 className="govuk-heading-m">History</h2>
          <ActivityTimeline events={events} emptyText="Nothing has been recorded about this organisation yet." />
        </div>
      </div>
    </>
  );
}
