import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ROUTE_LABELS } from '#modules/referrals/labels';
import { StaffForm } from '~/components/staff/staff-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { newReferralAction, newReferralLoader } from '~/server/referrals.server';

export const meta: MetaFunction = () => [{ title: `Make a referral – ${STAFF_SERVICE_NAME}` }];

export const loader = newReferralLoader;
export const action = newReferralAction;

export default function NewReferral() {
  const { routes } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/referrals" className="govuk-back-link">
          Back to referrals
        </Link>
        <h1 className="govuk-heading-l">Make a referral to CHOICE</h1>
        <p className="govuk-body">
          CHOICE is a one-to-one programme run by Stop It Now Scotland for men charged with or convicted of viewing, making or sharing indecent images of children, or other
          non-contact sexual offences.
        </p>

        <h2 className="govuk-heading-m">Who can be referred</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>a man aged 18 or over on the day you refer him</li>
          <li>charged with or convicted of non-contact offences only, such as those under sections 52 and 52A of the Civic Government (Scotland) Act 1982</li>
          <li>assessed as at low risk of contact offending</li>
          <li>who has agreed to the referral, where the route needs it (diversion and structured deferred sentences)</li>
        </ul>
        <p className="govuk-body">
          Some of these are matters of judgement. If he does not fit one of those, you can still refer him and say why: a CHOICE manager decides. The form tells you which.
        </p>

        <h2 className="govuk-heading-m">Routes you can use</h2>
        <ul className="govuk-list govuk-list--bullet">
          {routes.map((route) => (
            <li key={route}>{ROUTE_LABELS[route]}</li>
          ))}
        </ul>

        <h2 className="govuk-heading-m">What you will need</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>his name, date of birth, address and contact details, and any support he needs, such as an interpreter</li>
          <li>the charges or convictions, when the offending happened, the kinds of material and the devices used</li>
          <li>the date of the decision, court hearing or review that our report must be ready for</li>
          <li>what is known about risk</li>
          <li>the date he agreed to the referral, if the route needs it</li>
          <li>a telephone number we can reach you on</li>
        </ul>
        <p className="govuk-body">
          You can save your answers and come back later. A draft stays in your organisation’s list of referrals until it is sent, and nothing reaches CHOICE until you send it.
        </p>

        <StaffForm>
          <button type="submit" className="govuk-button govuk-button--start" data-module="govuk-button">
            Start now
            <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
          </button>
        </StaffForm>
      </div>
    </div>
  );
}
