import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useEffect } from 'react';
import { useLocalProgress } from '~/client/local-progress';
import type { ContentPageView } from '#modules/content/presenter';
import type { ExerciseActionData } from '~/server/content.server';
import { errorTitle } from '~/components/form/error-summary';
import { LocalProgress } from './local-progress';
import { ExerciseForm } from './exercise-form';
import { ExerciseResult } from './exercise-result';

export function contentPageTitle(view: ContentPageView | undefined, hasErrors = false): string {
  if (!view) return 'Page not found';
  return errorTitle(`${view.page.title} – ${view.group.title}`, hasErrors);
}

export function ContentPage() {
  const { view } = useLoaderData<{ view: ContentPageView }>();
  const result = useActionData<ExerciseActionData>();
  const { page } = view;
  const exercise = page.exercise;
  const progress = useLocalProgress();
  const keeping = view.area === 'self-help' && Boolean(progress.progress);
  const saved = keeping ? progress.progress?.answers[page.path] : undefined;
  const { saveAnswers } = progress;
  useEffect(() => {
    if (keeping && result?.status === 'reflected') saveAnswers(page.path, result.values);
  }, [keeping, result, page.path, saveAnswers]);
  const formValues = result?.values ?? saved ?? {};
  return (
    <>
      <nav className="govuk-breadcrumbs app-no-print" aria-label="Breadcrumb">
        <ol className="govuk-breadcrumbs__list">
          <li className="govuk-breadcrumbs__list-item">
            <Link className="govuk-breadcrumbs__link" to="/">
              Home
            </Link>
          </li>
          <li className="govuk-breadcrumbs__list-item">
            <Link className="govuk-breadcrumbs__link" to={view.areaPath}>
              {view.areaTitle}
            </Link>
          </li>
          {page.slug ? (
            <li className="govuk-breadcrumbs__list-item">
              <Link className="govuk-breadcrumbs__link" to={view.group.path}>
                {view.group.title}
              </Link>
            </li>
          ) : null}
        </ol>
      </nav>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l app-no-print">{page.slug ? view.group.title : view.areaTitle}</span>
          <h1 className="govuk-heading-l app-no-print">{page.title}</h1>
          {result?.status === 'reflected' && exercise ? (
            <ExerciseResult
              summary={result.summary}
              feedback={result.feedback}
              printable={exercise.printable}
              pdfAction={`${page.path}/pdf`}
              values={result.values}
              title={page.title}
            />
          ) : null}
          <div className="app-content app-no-print" dangerouslySetInnerHTML={{ __html: page.html }} />
          {exercise ? (
            <div className="app-no-print">
              <ExerciseForm
                exercise={exercise}
                values={formValues}
                errors={result?.status === 'invalid' ? result.errors : {}}
                formKey={JSON.stringify(formValues)}
              />
            </div>
          ) : null}
          <div className="app-no-print">
            {page.sources.length ? (
              <details className="govuk-details">
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">Where the facts on this page come from</span>
                </summary>
                <div className="govuk-details__text">
                  <ul className="govuk-list govuk-list--bullet">
                    {page.sources.map((source) => (
                      <li key={source.url}>
                        {source.supports}{' '}
                        <a className="govuk-link app-source-link" href={source.url} rel="noreferrer noopener">
                          {new URL(source.url).hostname.replace(/^www\./, '')}
                        </a>
                      </li>
                    ))}
                  </ul>
                  {page.law ? <p className="govuk-body">This is general information about the law in Scotland, not legal advice. A solicitor can advise on your own situation.</p> : null}
                </div>
              </details>
            ) : null}
            <p className="govuk-body-s app-secondary-text">Last reviewed {formatDate(page.reviewed)}</p>
            <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages in this section">
              {view.previous ? <PaginationLink direction="prev" link={view.previous} /> : null}
              {view.next ? <PaginationLink direction="next" link={view.next} /> : null}
            </nav>
          </div>
        </div>
        <div className="govuk-grid-column-one-third app-no-print">
          <aside className="app-related" aria-labelledby="group-contents-heading">
            <h2 className="govuk-heading-s" id="group-contents-heading">
              {view.group.title}
            </h2>
            <ol className="govuk-list app-contents-list">
              {view.contents.map((item) => (
                <li key={item.path} data-path={item.path}>
                  {item.current ? (
                    <span aria-current="page" className="app-contents-list__current">
                      {item.title}
                    </span>
                  ) : (
                    <Link className="govuk-link" to={item.path}>
                      {item.title}
                    </Link>
                  )}
                  {keeping && progress.progress?.visited.includes(item.path) ? <strong className="govuk-tag govuk-tag--green app-read-tag">Read</strong> : null}
                </li>
              ))}
            </ol>
            {view.area === 'self-help' ? <LocalProgress pagePath={page.path} api={progress} /> : null}
          </aside>
        </div>
      </div>
    </>
  );
}

/** One side of the GOV.UK block pagination: the page before or after this one. */
function PaginationLink({ direction, link }: { direction: 'prev' | 'next'; link: { path: string; title: string } }) {
  return (
    <div className={`govuk-pagination__${direction}`}>
      <Link className="govuk-link govuk-pagination__link" to={link.path} rel={direction}>
        <span className="govuk-pagination__link-title">
          {direction === 'prev' ? 'Previous' : 'Next'}
          <span className="govuk-visually-hidden"> page</span>
        </span>
        <span className="govuk-visually-hidden">:</span>
        <span className="govuk-pagination__link-label">{link.title}</span>
      </Link>
    </div>
  );
}

export function formatDate(isoDate: string): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
