/**
 * Pieces of the case page: the referral as summary lists, the case's timeline, what
 * needs the person's attention, and what changed when someone else got there first.
 */
import type { ReactNode } from 'react';
import { Link } from '@remix-run/react';
import type { AttentionItem } from '#modules/referrals/attention';
import type { SummarySection } from '#modules/referrals/case-summary';
import type { TimelineItem } from '#modules/referrals/history';
import { formatDateTime } from './dates';

export function SummarySections({ sections }: { sections: SummarySection[] }) {
  return (
    <>
      {sections.map((section) => (
        <div className="govuk-summary-card" key={section.id} id={`section-${section.id}`}>
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{section.title}</h3>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              {section.rows.map((row) => (
                <div className="govuk-summary-list__row" key={row.key}>
                  <dt className="govuk-summary-list__key">{row.key}</dt>
                  <dd className={`govuk-summary-list__value${row.multiline ? ' app-preserve-lines' : ''}`}>{row.value}</dd>
                </div>
              ))}
            </dl>
          </div>
        </div>
      ))}
    </>
  );
}

function Lines({ lines }: { lines: TimelineItem['lines'] }) {
  if (!lines.length) return null;
  return (
    <div className="moj-timeline__description">
      {lines.map((line) => (
        <p className="govuk-body app-preserve-lines" key={line.label}>
          <span className="govuk-!-font-weight-bold">{line.label}:</span> {line.text}
        </p>
      ))}
    </div>
  );
}

/** The MOJ timeline of a case, newest first. */
export function CaseTimeline({ items }: { items: TimelineItem[] }) {
  if (!items.length) return <p className="govuk-body">Nothing has happened to this referral yet.</p>;
  return (
    <div className="moj-timeline">
      {items.map((item) => (
        <div className="moj-timeline__item" key={item.id}>
          <div className="moj-timeline__header">
            <h3 className="moj-timeline__title">{item.title}</h3>{' '}
            <p className="moj-timeline__byline">by {item.byline}</p>
          </div>
          <p className="moj-timeline__date">
            <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt)}</time>
          </p>
          <Lines lines={item.lines} />
          {item.link ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={item.link.href}>
                {item.link.text}
              </Link>
            </p>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/** What this person is expected to do next, with the words it is about. */
export function AttentionPanel({ items, children }: { items: AttentionItem[]; children?: ReactNode }) {
  if (!items.length) return null;
  return (
    <section className="govuk-inset-text" aria-labelledby="attention-title" id="attention">
      <h2 className="govuk-heading-m" id="attention-title">
        What needs your attention
      </h2>
      {items.map((item) => (
        <div key={item.kind} className="govuk-!-margin-bottom-4">
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{item.title}</h3>
          <p className="govuk-body govuk-!-margin-bottom-2">{item.text}</p>
          {item.quote ? <blockquote className="govuk-body app-preserve-lines govuk-!-margin-left-0">{item.quote}</blockquote> : null}
          {item.link ? (
            <p className="govuk-body govuk-!-margin-bottom-2">
              <Link className="govuk-link govuk-!-font-weight-bold" to={item.link.href}>
                {item.link.text}
              </Link>
            </p>
          ) : null}
        </div>
      ))}
      {children}
    </section>
  );
}

/**
 * Someone else moved the case first: what they did, and what happens to what this
 * person typed (in the form below if the step is still possible, shown here if not).
 */
export function ConflictPanel(props: { noun: string; changes: TimelineItem[]; typed: string | null; formStillOffered: boolean }) {
  const { noun, changes, typed, formStillOffered } = props;
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1} id="conflict">
      <h2 className="govuk-error-summary__title">This {noun} was changed by someone else while you were looking at it</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">Nothing you did has been saved. Since you opened the page:</p>
        {changes.length ? (
          <ul className="govuk-list govuk-list--bullet">
            {changes.map((change) => (
              <li key={change.id}>
                <span className="govuk-!-font-weight-bold">{change.title}</span>, by {change.byline}, {formatDateTime(change.occurredAt)}
                {change.lines.map((line) => (
                  <span className="app-preserve-lines" key={line.label}>
                    <br />
                    {line.label}: {line.text}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">The page you had open was out of date.</p>
        )}
        {typed ? (
          formStillOffered ? (
            <p className="govuk-body">What you typed is still in the form below. Check it against what changed, and send it again if it still makes sense.</p>
          ) : (
            <>
              <p className="govuk-body">That step is no longer possible. This is what you typed, so that you can keep it:</p>
              <div className="govuk-inset-text app-preserve-lines" id="typed-text">
                {typed}
              </div>
            </>
          )
        ) : (
          <p className="govuk-body">Check what changed, then choose again below.</p>
        )}
      </div>
    </div>
  );
}
