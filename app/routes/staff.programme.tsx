import type { MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { MAX_MODULES } from '#modules/programme/definition';
import { fieldOrder } from '#modules/programme/form';
import { ErrorSummary, errorList } from '~/components/form/error-summary';
import { InformationBanner, SuccessBanner } from '~/components/staff/admin-parts';
import { formatDateTime } from '~/components/staff/dates';
import { ProgrammeForm } from '~/components/staff/programme-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { programmeAction, programmeLoader } from '~/server/programme.server';

export const meta: MetaFunction = () => [{ title: `Programme – ${STAFF_SERVICE_NAME}` }];

export const loader = programmeLoader;
export const action = programmeAction;

export default function Programme() {
  const loaded = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const draft = data?.draft ?? loaded.draft;
  const version = data?.version ?? loaded.version;
  const errors = data?.errors ?? {};
  const conflictBy = data?.conflict ? [data.conflict.createdByName, data.conflict.createdAt ? formatDateTime(data.conflict.createdAt) : null].filter(Boolean).join(', ') : '';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {loaded.done && !data ? <SuccessBanner>Saved. The new version is in force from now on.</SuccessBanner> : null}
        {data?.conflict ? (
          <InformationBanner>
            Someone else saved version {data.conflict.version}
            {conflictBy ? ` (${conflictBy})` : ''} while you were editing. Your changes have not been saved: they are in the form below. Compare them with the newer version,
            then save again to replace it.
          </InformationBanner>
        ) : null}
        <ErrorSummary errors={errorList(errors, fieldOrder(draft))} />
        <h1 className="govuk-heading-l">The CHOICE programme</h1>
        <p className="govuk-body">
          The modules, planned sessions, non-compliance rule and report templates the service uses. Each save is a new version, and the newest is in force. Cases keep the
          sessions already planned.
        </p>
        <p className="govuk-body">{version === 0 ? 'No version has been saved yet: this is the default.' : `In force now: version ${loaded.version}.`}</p>
        <ProgrammeForm key={data?.revision ?? 'loaded'} draft={draft} version={version} errors={errors} maxModules={MAX_MODULES} rule={loaded.rule} />
      </div>
      <div className="govuk-grid-column-one-third">
        <h2 className="govuk-heading-m">History</h2>
        {loaded.history.length ? (
          <ol className="govuk-list" reversed>
            {loaded.history.map((entry) => (
              <li key={entry.version} className="govuk-!-margin-bottom-4">
                <span className="govuk-!-font-weight-bold">Version {entry.version}</span>: {entry.label}
                <br />
                <span className="app-secondary-text">
                  {entry.createdByName ? `${entry.createdByName}${entry.createdByOrganisation ? `, ${entry.createdByOrganisation}` : ''}` : 'Set up by the platform'},{' '}
                  <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="govuk-body">No version has been saved yet.</p>
        )}
      </div>
    </div>
  );
}
