import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';
import { listChecks } from '~/server/checks.server';

export const meta: MetaFunction = () => [{ title: `Self-checks – ${PUBLIC_SERVICE_NAME}` }];
export const handle = { pageCache: true };
export const loader = listChecks;

export default function Checks() {
  const { checks } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Self-checks</h1>
        <p className="govuk-body-l">A few questions to help you see where you stand and what you can do next.</p>
        <p className="govuk-body">
          Your answers are not saved, not sent anywhere else and never put in a web address. You get next steps, not a
          score.
        </p>
        <ul className="govuk-list app-card-list">
          {checks.map((check) => (
            <li key={check.id}>
              <h2 className="govuk-heading-m">
                <Link className="govuk-link" to={`/checks/${check.id}`}>
                  {check.title}
                </Link>
              </h2>
              <p className="govuk-body">{check.summary}</p>
              <p className="govuk-body-s app-secondary-text">{check.duration}</p>
            </li>
          ))}
        </ul>
        <p className="govuk-body">
          Want to know what the law says first? Read{' '}
          <Link className="govuk-link" to="/self-help/the-law-and-after-an-arrest/is-what-i-am-doing-illegal">
            Is what I am doing illegal?
          </Link>
        </p>
      </div>
    </div>
  );
}
