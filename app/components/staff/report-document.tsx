/**
 * A report to the referrer as a page: the same title, audience line, sections and
 * footer as its PDF (modules/reports/report-pdf.ts), as headings, paragraphs and lists,
 * so a screen reader can move through it by heading.
 */
import type { Report } from '#modules/reports/report-content';

export function ReportDocument({ report, headingId }: { report: Report; headingId: string }) {
  return (
    <article className="app-report" aria-labelledby={headingId}>
      <p className="govuk-body-l">{report.audience}</p>
      {report.sections.map((section, index) => (
        <section key={`${index}-${section.heading}`} aria-labelledby={`${headingId}-section-${index}`}>
          <h2 className="govuk-heading-m" id={`${headingId}-section-${index}`}>
            {section.heading}
          </h2>
          {section.paragraphs.map((paragraph, p) => (
            <p className="govuk-body app-preserve-lines" key={p}>
              {paragraph}
            </p>
          ))}
          {section.list?.length ? (
            <ul className="govuk-list govuk-list--bullet">
              {section.list.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      <footer>
        <p className="govuk-body-s app-secondary-text">{report.footer}</p>
      </footer>
    </article>
  );
}
