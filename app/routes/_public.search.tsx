import { json, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { getContentLibrary } from '#modules/content/index';
import type { SearchResult } from '#modules/content/search';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';

export const meta: MetaFunction = () => [{ title: `Search – ${PUBLIC_SERVICE_NAME}` }];
export const handle = { pageCache: true };

// The words searched for are posted, not put in the address, so they stay out of
// the browser's history and out of every log.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const raw = form.get('q');
  const query = typeof raw === 'string' ? raw.trim().slice(0, 200) : '';
  if (!query) return json({ query, results: [] as SearchResult[], error: 'Enter the words you want to search for' }, { status: 400 });
  return json({ query, results: getContentLibrary().search.search(query), error: null });
}

export default function Search() {
  const data = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Form method="post" noValidate role="search" key={data?.query ?? ''}>
          <div className={`govuk-form-group${data?.error ? ' govuk-form-group--error' : ''}`}>
            <h1 className="govuk-label-wrapper">
              <label className="govuk-label govuk-label--l" htmlFor="search-q">
                Search this site
              </label>
            </h1>
            <div className="govuk-hint" id="search-q-hint">
              Your search is not saved and does not appear in your browser&apos;s address bar or history.
            </div>
            {data?.error ? (
              <p id="search-q-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {data.error}
              </p>
            ) : null}
            <input
              className="govuk-input govuk-!-width-two-thirds"
              id="search-q"
              name="q"
              type="search"
              defaultValue={data?.query}
              autoComplete="off"
              aria-describedby={`search-q-hint${data?.error ? ' search-q-error' : ''}`}
            />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Search
          </button>
        </Form>
        {data && !data.error ? (
          <section aria-live="polite">
            <h2 className="govuk-heading-m">
              {data.results.length === 0 ? `No pages found for “${data.query}”` : `${data.results.length} page${data.results.length === 1 ? '' : 's'} found for “${data.query}”`}
            </h2>
            {data.results.length === 0 ? (
              <p className="govuk-body">
                Try other words, or <Link className="govuk-link" to="/self-help">browse self-help</Link> and{' '}
                <Link className="govuk-link" to="/toolkit">the toolkit</Link>.
              </p>
            ) : (
              <ul className="govuk-list app-search-results">
                {data.results.map((result) => (
                  <li key={result.path}>
                    <Link className="govuk-link govuk-!-font-weight-bold" to={result.path}>
                      {result.title}
                    </Link>
                    <p className="govuk-body">{result.summary}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}
      </div>
    </div>
  );
}
