import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { roleCan } from '#modules/auth/permissions';
import { caseViewerOf } from '#modules/referrals/access';
import { countConcernsToDealWith, mayManageConcerns } from '#modules/safeguarding/concerns';
import { staffNavigation } from '~/components/staff/navigation';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { ROLE_LABELS } from '~/components/staff/labels';
import { requireStaff } from '~/server/staff-auth.server';

export const meta: MetaFunction = () => [{ title: `Home – ${STAFF_SERVICE_NAME}` }];

const DESCRIPTIONS: Record<string, string> = {
  '/staff/referrals': 'Referrals to CHOICE: make a new one, finish a draft, and follow each case.',
  Cases: 'The cases you can work on: their state, the man referred and what needs doing next.',
  '/staff/screening': 'Referrals waiting to be screened, how long each has waited, and their deadlines.',
  '/staff/safeguarding': 'Safeguarding concerns recorded by workers: acknowledge each one and record what was done.',
  '/staff/diary': 'Your sessions week by week, and the sessions whose attendance or notes still need recording.',
  '/staff/statistics': 'How closed cases ended, by route, and how many cases are at each stage now.',
  '/staff/programme': 'The programme definition: modules, planned sessions, the non-compliance rule and report templates.',
  '/staff/audit': 'Who opened or changed what, and when: search, page through and export the audit log.',
  '/staff/admin/organisations': 'Add, rename and deactivate the organisations that use the service.',
  '/staff/admin/staff': 'Invite staff, change roles, deactivate accounts and reset two-factor authentication.',
  '/staff/mailbox': 'Email the service has sent. Shown here because no mail server is set up on this machine.',
  '/staff/account': 'Your sign-in details, recovery codes, and signing out of all your devices.',
};

export async function loader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, 'account:manage:own');
  const places = staffNavigation(staff.can, args.context.mailTransportKind === 'mailbox').filter((item) => item.to !== '/staff');
  return json({
    fullName: staff.user.full_name,
    role: staff.user.role,
    organisationName: staff.user.organisation_name,
    places: places.map((place) => ({ ...place, description: DESCRIPTIONS[place.label] ?? DESCRIPTIONS[place.to] ?? '' })),
    referrer: roleCan(staff.user.role, 'case:create:own-organisation'),
    // A manager's page of work starts with the concerns nobody has dealt with yet.
    concernsWaiting: mayManageConcerns(caseViewerOf(staff.user)) ? await countConcernsToDealWith(args.context.db) : 0,
  });
}

export default function StaffHome() {
  const { fullName, role, organisationName, places, concernsWaiting } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{organisationName}</span>
        <h1 className="govuk-heading-l">Hello, {fullName}</h1>
        <p className="govuk-body">You are signed in as a {ROLE_LABELS[role].toLowerCase()}.</p>
        {concernsWaiting ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              {concernsWaiting === 1 ? '1 safeguarding concern has' : `${concernsWaiting} safeguarding concerns have`} not been dealt with.{' '}
              <Link className="govuk-link" to="/staff/safeguarding">
                See the safeguarding concerns
              </Link>
            </strong>
          </div>
        ) : null}
        <ul className="govuk-list app-staff-places">
          {places.map((place) => (
            <li key={place.to} className="govuk-!-margin-bottom-4">
              <Link className="govuk-link govuk-!-font-weight-bold" to={place.to}>
                {place.label}
              </Link>
              <p className="govuk-body govuk-!-margin-bottom-0">{place.description}</p>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
