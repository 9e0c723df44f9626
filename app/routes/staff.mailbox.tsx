import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Fragment } from 'react';
import { formatDateTime } from '~/components/staff/dates';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { mailboxLoader } from '~/server/mailbox.server';

export const meta: MetaFunction = () => [{ title: `Mailbox – ${STAFF_SERVICE_NAME}` }];

export const loader = mailboxLoader;

const LINK = /(https?:\/\/[^\s<>"]+)/g;

/** The body as text, with its web addresses as links (the one-time links are the point of this page). */
function BodyWithLinks({ text }: { text: string }) {
  return (
    <p className="govuk-body app-preserve-lines">
      {text.split(LINK).map((part, index) =>
        index % 2 === 1 ? (
          <a className="govuk-link" href={part} key={index} rel="noreferrer">
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </p>
  );
}

const STATUS_BADGES: Record<string, string> = { pending: 'moj-badge--blue', sent: 'moj-badge--green', failed: 'moj-badge--red' };

export default function Mailbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Mailbox</h1>
      <div className="govuk-inset-text">
        No mail server is set up on this machine (there is no SMTP_URL), so email the service sends stays here instead. Each link works once: it is used up when
        the password is saved.
      </div>
      {messages.length === 0 ? (
        <p className="govuk-body">No email has been sent yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Email sent, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                When
              </th>
              <th scope="col" className="govuk-table__header">
                To
              </th>
              <th scope="col" className="govuk-table__header">
                Message
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {messages.map((message) => (
              <tr className="govuk-table__row" key={message.id}>
                <td className="govuk-table__cell">
                  <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                </td>
                <td className="govuk-table__cell">{message.to}</td>
                <td className="govuk-table__cell">
                  <details className="govuk-details govuk-!-margin-bottom-0">
                    <summary className="govuk-details__summary">
                      <span className="govuk-details__summary-text">{message.subject}</span>
                    </summary>
                    <div className="govuk-details__text">
                      <BodyWithLinks text={message.body} />
                    </div>
                  </details>
                </td>
                <td className="govuk-table__cell">
                  <strong className={`moj-badge ${STATUS_BADGES[message.status] ?? 'moj-badge--grey'}`}>{message.status}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
