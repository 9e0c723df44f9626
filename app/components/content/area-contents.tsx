import { Link, useLoaderData } from '@remix-run/react';
import type { AreaView } from '#modules/content/presenter';

const AUDIENCE_LABEL: Record<string, string> = {
  self: 'If you are worried about yourself',
  family: 'For families and friends',
  professional: 'For professionals',
  arrested: 'After an arrest',
  everyone: 'For everyone',
};

export function AreaContents() {
  const { view } = useLoaderData<{ view: AreaView }>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{view.title}</h1>
        <p className="govuk-body-l">{view.summary}</p>
        <ol className="govuk-list app-card-list">
          {view.groups.map((group, index) => (
            <li key={group.path} className="app-card">
              <h2 className="govuk-heading-m">
                <Link className="govuk-link" to={group.path}>
                  {view.area === 'self-help' ? `${index + 1}. ` : ''}
                  {group.title}
                </Link>
              </h2>
              <p className="govuk-body">{group.summary}</p>
              <p className="govuk-body-s app-secondary-text">
                {group.pageCount} pages · {group.audience.map((a) => AUDIENCE_LABEL[a]).join(' · ')}
              </p>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
