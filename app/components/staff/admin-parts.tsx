/**
 * Small pieces shared by the administration and audit pages: the MOJ sub-navigation,
 * a sortable column header that works without JavaScript, a success banner, and the
 * MOJ timeline of what happened to a record.
 */
import type { ReactNode } from 'react';
import { Link, useLocation } from '@remix-run/react';
import { actionLabel, detailLines } from './audit-presenter';
import { formatDateTime } from './dates';

export function AdminSubNavigation() {
  const { pathname } = useLocation();
  const items = [
    { to: '/staff/admin/staff', label: 'Staff accounts' },
    { to: '/staff/admin/organisations', label: 'Organisations' },
  ];
  return (
    <nav className="moj-sub-navigation" aria-label="Administration">
      <ul className="moj-sub-navigation__list">
        {items.map((item) => (
          <li className="moj-sub-navigation__item" key={item.to}>
            <Link className="moj-sub-navigation__link" to={item.to} aria-current={pathname.startsWith(item.to) ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A column header of a table sorted on the server: a link that sorts by this column
 * (the other way round if it already does), with aria-sort saying how it is sorted now.
 */
export function SortableHeader(props: { label: string; column: string; sort: string; order: 'asc' | 'desc'; href: (column: string, order: 'asc' | 'desc') => string; numeric?: boolean }) {
  const { label, column, sort, order, href, numeric } = props;
  const current = sort === column;
  const next = current && order === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" className={`govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}`} aria-sort={current ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Link className="govuk-link" to={href(column, next)}>
        {label}
        {current ? <span className="govuk-visually-hidden"> (sorted {order === 'asc' ? 'ascending' : 'descending'}; select to sort {next === 'asc' ? 'ascending' : 'descending'})</span> : null}
      </Link>
    </th>
  );
}

export function SuccessBanner({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="success-banner-title" data-module="govuk-notification-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-banner-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}

export function InformationBanner({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="information-banner-title" data-module="govuk-notification-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="information-banner-title">
          Important
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}

export interface TimelineEvent {
  id: number;
  occurredAt: string;
  action: string;
  actorName: string | null;
  actorOrganisation: string | null;
  outcome: string;
  detail: Record<string, unknown> | null;
}

/** What happened to this record, newest first, from the audit log. */
export function ActivityTimeline({ events, emptyText }: { events: TimelineEvent[]; emptyText: string }) {
  if (!events.length) return <p className="govuk-body">{emptyText}</p>;
  return (
    <div className="moj-timeline">
      {events.map((event) => {
        const lines = detailLines(event.action, event.detail);
        return (
          <div className="moj-timeline__item" key={event.id}>
            <div className="moj-timeline__header">
              <h3 className="moj-timeline__title">
                {actionLabel(event.action)}
                {event.outcome === 'success' ? '' : ` (${event.outcome})`}
              </h3>
              <p className="moj-timeline__byline">by {event.actorName ? `${event.actorName}${event.actorOrganisation ? `, ${event.actorOrganisation}` : ''}` : 'nobody signed in'}</p>
            </div>
            <p className="moj-timeline__date">
              <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
            </p>
            {lines.length ? (
              <div className="moj-timeline__description">
                <ul className="govuk-list">
                  {lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
