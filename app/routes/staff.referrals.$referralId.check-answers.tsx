import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import type { EligibilityRule } from '#modules/referrals/eligibility';
import type { ReferralSection } from '#modules/referrals/sections';
import { ErrorSummary, errorList, errorTitle } from '~/components/form/error-summary';
import { Textarea } from '~/components/form/fields';
import { usePageTitle } from '~/components/practitioners/practitioner-form';
import { AnswerValue, Warning } from '~/components/referrals/answers';
import { ChangedBySomeoneElse } from '~/components/referrals/changed-by-someone-else';
import { StaffForm } from '~/components/staff/staff-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { checkAnswersAction, checkAnswersLoader } from '~/server/referral-form.server';

const TITLE = `Check your answers – Make a referral – ${STAFF_SERVICE_NAME}`;
export const meta: MetaFunction = () => [{ title: TITLE }];

export const loader = checkAnswersLoader;
export const action = checkAnswersAction;

/** The section where each eligibility rule's answer can be changed. */
const RULE_SECTION: Record<EligibilityRule, ReferralSection> = { age: 'person', sex: 'person', 'contact-offence': 'offence', consent: 'consent', route: 'route' };

export default function CheckAnswers() {
  const { referral, review, reason, organisationName, referrerName, referrerEmail } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const errors = posted?.errors ?? {};
  const version = posted?.version ?? referral.version;
  usePageTitle(errorTitle(TITLE, Object.keys(errors).length > 0 || !!posted?.conflict));
  const change = (section: string) => `/staff/referrals/${referral.id}/details/${section}?return=check-answers`;
  const blocking = review.eligibility.filter((p) => !p.judgement);
  const judgement = review.eligibility.filter((p) => p.judgement);
  const draft = referral.state === 'draft';
  const canSend = draft && review.incomplete.length === 0 && blocking.length === 0;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/referrals" className="govuk-back-link">
          Back to referrals
        </Link>
        {posted?.conflict ? <ChangedBySomeoneElse changes={posted.conflict} again="Check the answers below, then send the referral again." /> : null}
        <ErrorSummary errors={errorList(errors, [canSend ? 'eligibilityReason' : 'submit', 'submit', 'version'])} />
        <span className="govuk-caption-l">Referral {referral.reference}</span>
        <h1 className="govuk-heading-l">{draft ? 'Check your answers before sending the referral' : 'Check and correct the referral'}</h1>
        {!draft ? (
          <div className="govuk-inset-text">
            CHOICE has asked for more information. You can correct any answer here. To reply to their question,{' '}
            <Link className="govuk-link" to={`/staff/referrals/${referral.id}`}>
              go to the referral
            </Link>
            .
          </div>
        ) : review.incomplete.length ? (
          <div className="govuk-inset-text">
            You have not finished {review.incomplete.length === 1 ? '1 section' : `${review.incomplete.length} sections`}. Your answers so far are saved: you can come back to this referral
            from your list of referrals.
          </div>
        ) : null}

        {review.sections.map((section) => (
          <section key={section.section} aria-labelledby={`section-${section.section}`}>
            <h2 className="govuk-heading-m" id={`section-${section.section}`}>
              {section.title}
            </h2>
            {section.problems.length ? (
              <Warning>
                This section is not finished: {section.problems.join('. ')}.{' '}
                <Link className="govuk-link" to={`/staff/referrals/${referral.id}/details/${section.section}`}>
                  Finish ‘{section.title}’
                </Link>
              </Warning>
            ) : null}
            <dl className="govuk-summary-list govuk-!-margin-bottom-9">
              {section.rows.map((row) => (
                <div className="govuk-summary-list__row" key={row.key}>
                  <dt className="govuk-summary-list__key">{row.key}</dt>
                  <dd className="govuk-summary-list__value">
                    <AnswerValue value={row.value} multiline={row.multiline} />
                  </dd>
                  <dd className="govuk-summary-list__actions">
                    <Link className="govuk-link" to={change(section.section)}>
                      Change<span className="govuk-visually-hidden"> {row.key.toLowerCase()}</span>
                    </Link>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}

        <h2 className="govuk-heading-m">Referrer</h2>
        <dl className="govuk-summary-list govuk-!-margin-bottom-9">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Referred by</dt>
            <dd className="govuk-summary-list__value">
              {referrerName}, {organisationName}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Email address</dt>
            <dd className="govuk-summary-list__value">{referrerEmail}</dd>
          </div>
        </dl>

        {blocking.length ? (
          <section aria-labelledby="eligibility-blocking">
            <h2 className="govuk-heading-m" id="eligibility-blocking">
              Why this referral cannot be sent
            </h2>
            {blocking.map((problem) => (
              <Warning key={problem.rule}>
                {problem.message}{' '}
                <Link className="govuk-link" to={change(RULE_SECTION[problem.rule])}>
                  Change your answer
                </Link>
              </Warning>
            ))}
          </section>
        ) : null}

        {draft && judgement.length && !blocking.length ? (
          <section aria-labelledby="eligibility-judgement">
            <h2 className="govuk-heading-m" id="eligibility-judgement">
              Eligibility
            </h2>
            {judgement.map((problem) => (
              <div className="govuk-inset-text" key={problem.rule}>
                {problem.message}
              </div>
            ))}
          </section>
        ) : null}

        {draft ? (
          <StaffForm>
            <input type="hidden" name="version" value={version} key={version} />
            {canSend && judgement.length ? (
              <Textarea
                id="eligibilityReason"
                name="eligibilityReason"
                label="Why do you think CHOICE is right for him?"
                hint="The CHOICE manager reads this when they screen the referral, and decides."
                rows={5}
                value={posted?.reason ?? reason}
                error={errors.eligibilityReason}
              />
            ) : null}
            <h2 className="govuk-heading-m" id="submit" tabIndex={-1}>
              {canSend ? 'Now send the referral' : 'Sending the referral'}
            </h2>
            {canSend ? (
              <>
                <p className="govuk-body">By sending it you confirm that, as far as you know, these details are correct and he knows he is being referred to CHOICE.</p>
                <button type="submit" className="govuk-button" data-module="govuk-button">
                  Send referral
                </button>
              </>
            ) : (
              <p className="govuk-body">
                You can send the referral when every section is finished and nothing above stops it. Your answers are saved.{' '}
                <Link className="govuk-link" to="/staff/referrals">
                  Go back to your referrals
                </Link>
              </p>
            )}
          </StaffForm>
        ) : null}
      </div>
    </div>
  );
}
