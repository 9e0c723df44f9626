import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { formatDay } from '#modules/referrals/dates';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { confirmationLoader } from '~/server/referrals.server';

export const meta: MetaFunction = () => [{ title: `Referral sent – ${STAFF_SERVICE_NAME}` }];

export const loader = confirmationLoader;

export default function ReferralSent() {
  const { id, reference, route, decisionDate, flagged } = useLoaderData<typeof loader>();
  const by = decisionDate ? ` before ${formatDay(decisionDate)}` : '';
  const report =
    route === 'diversion'
      ? `We will report to you${by}: whether he started, took part in and finished the work, so you can decide about prosecution.`
      : route === 'structured_deferred_sentence'
        ? `We will report to you in time for your supplementary report to the court${decisionDate ? ` on ${formatDay(decisionDate)}` : ''}.`
        : `We will report to the supervising officer${by}.`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Referral sent</h1>
          <div className="govuk-panel__body">
            Your reference
            <br />
            <strong>{reference}</strong>
          </div>
        </div>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          A CHOICE team manager will check the referral. If they need more information, we will email you, and the referral will show as ‘More information needed’ in your
          list.
        </p>
        {flagged ? <p className="govuk-body">You gave a reason for referring him outside one of the usual rules. The manager will weigh it when they decide.</p> : null}
        <p className="govuk-body">If CHOICE accepts him, a programme worker will contact him to arrange an assessment.</p>
        <p className="govuk-body">{report}</p>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`/staff/referrals/${id}`}>
              View this referral
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/staff/referrals">
              Back to your referrals
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/staff/referrals/new">
              Make another referral
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
