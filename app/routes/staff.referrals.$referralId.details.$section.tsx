import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { REFERRAL_SECTIONS, sectionFields } from '#modules/referrals/sections';
import { SECTION_TITLES } from '#modules/referrals/labels';
import { ErrorSummary, errorTitle } from '~/components/form/error-summary';
import { usePageTitle } from '~/components/practitioners/practitioner-form';
import { ChangedBySomeoneElse } from '~/components/referrals/changed-by-someone-else';
import { errorHref, SectionFields } from '~/components/referrals/section-fields';
import { StaffForm } from '~/components/staff/staff-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { sectionAction, sectionLoader } from '~/server/referral-form.server';

const title = (section: string | undefined) => `${SECTION_TITLES[section as keyof typeof SECTION_TITLES] ?? 'Referral'} – Make a referral – ${STAFF_SERVICE_NAME}`;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: title(data?.section) }];

export const loader = sectionLoader;
export const action = sectionAction;

export default function ReferralSectionPage() {
  const data = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { referral, section, number } = data;
  const values = posted?.values ?? data.values;
  const errors = posted?.errors ?? {};
  const version = posted?.version ?? referral.version;
  const order = [...sectionFields(section), 'version'];
  const summary = order.filter((name) => errors[name]).map((name) => ({ href: name === 'version' ? order[0]! : errorHref(name, values, errors[name]!), message: errors[name]! }));
  usePageTitle(errorTitle(title(section), summary.length > 0 || !!posted?.conflict));
  const back = data.returnTo ? `/staff/referrals/${referral.id}/check-answers` : number > 1 ? `/staff/referrals/${referral.id}/details/${REFERRAL_SECTIONS[number - 2]}` : '/staff/referrals';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={back} className="govuk-back-link">
          Back
        </Link>
        {posted?.conflict ? <ChangedBySomeoneElse changes={posted.conflict} again="Save again to keep your answers, or reload the page to see theirs." /> : null}
        <ErrorSummary errors={summary} />
        {posted?.savedSome ? (
          <div className="govuk-inset-text">We saved the answers that were complete. Correct the ones below, or leave them and come back later.</div>
        ) : null}
        <span className="govuk-caption-l">
          Referral {referral.reference} · Section {number} of {REFERRAL_SECTIONS.length}
        </span>
        <h1 className="govuk-heading-l">{SECTION_TITLES[section]}</h1>
        <StaffForm key={`${section}-${version}`}>
          <input type="hidden" name="version" value={version} />
          {data.returnTo ? <input type="hidden" name="returnTo" value={data.returnTo} /> : null}
          <SectionFields
            section={section}
            values={values}
            errors={errors}
            route={data.route}
            routes={data.routes}
            consentAnswers={data.consentAnswers}
            referrerEmail={data.referrerEmail}
          />
          <div className="govuk-button-group">
            <button type="submit" name="intent" value="continue" className="govuk-button" data-module="govuk-button">
              Continue
            </button>
            <button type="submit" name="intent" value="save-later" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Save and come back later
            </button>
          </div>
        </StaffForm>
      </div>
    </div>
  );
}
