import type { ReactNode } from 'react';
import { Link } from '@remix-run/react';

export interface PageLink {
  to: string;
  /** What the link leads to ("Older entries"); plain "Previous" and "Next" when left out. */
  text?: ReactNode;
}

/** GOV.UK pagination for lists paged by cursor: a link back and a link on, as there are pages. */
export function PageLinks({ label, previous, next, block = false }: { label: string; previous: PageLink | null; next: PageLink | null; block?: boolean }) {
  if (!previous && !next) return null;
  const title = (link: PageLink, fallback: string) =>
    link.text ?? (
      <>
        {fallback}
        <span className="govuk-visually-hidden"> page</span>
      </>
    );
  return (
    <nav className={`govuk-pagination${block ? ' govuk-pagination--block' : ''}`} aria-label={label}>
      {previous ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={previous.to} rel="prev">
            <span className="govuk-pagination__link-title">{title(previous, 'Previous')}</span>
          </Link>
        </div>
      ) : null}
      {next ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={next.to} rel="next">
            <span className="govuk-pagination__link-title">{title(next, 'Next')}</span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
