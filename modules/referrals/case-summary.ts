/**
 * A referral as GOV.UK summary lists, section by section, for the case page: the same
 * sections and words as the referrer's check-your-answers page (modules/referrals/
 * submission.ts), then who referred him, the eligibility flags and any request for
 * more information. Who may see the page at all is decided by access.ts; everyone who
 * may (the referring organisation, CHOICE's managers and the allocated worker) needs
 * the man's details to do their part.
 */
import type { OrganisationKind, Referral } from '../../db/schema';
import { dayInScotland } from './dates';
import { reviewReferral } from './submission';

export const ELIGIBILITY_FLAG_LABELS: Record<string, string> = {
  age: 'Age',
  sex: 'He may not be male',
  'contact-offence': 'A contact offence is alleged',
  consent: 'His agreement',
  route: 'Route',
};

export interface SummaryRow {
  key: string;
  value: string;
  /** Typed text with its own line breaks. */
  multiline?: boolean;
}

export interface SummarySection {
  id: string;
  title: string;
  rows: SummaryRow[];
}

export interface SummaryContext {
  organisationName: string;
  organisationKind: OrganisationKind;
  referrerName: string | null;
  /** Show the eligibility flags and the referrer's reason (the manager weighs them; the referrer wrote them). */
  showEligibility: boolean;
  now?: Date;
}

export function caseSummary(referral: Referral, context: SummaryContext): SummarySection[] {
  const review = reviewReferral(referral, { today: dayInScotland(context.now), organisationKind: context.organisationKind, route: referral.route });
  // The referrer's own contact section ("Your telephone number") joins "Who referred him", which everyone reads.
  const sections: SummarySection[] = review.sections.filter(({ section }) => section !== 'contact').map(({ section, title, rows }) => ({ id: section, title, rows }));
  sections.push({
    id: 'referrer',
    title: 'Who referred him',
    rows: [
      { key: 'Organisation', value: context.organisationName },
      { key: 'Referred by', value: context.referrerName ?? 'Not known' },
      { key: 'Their telephone number', value: referral.referrer_phone ?? 'Not given' },
    ],
  });
  if (context.showEligibility) {
    const flags = referral.eligibility_flags;
    sections.push({
      id: 'eligibility',
      title: 'Eligibility',
      rows: [
        { key: 'Outside the usual rules', value: flags.length ? flags.map((flag) => ELIGIBILITY_FLAG_LABELS[flag] ?? flag).join('\n') : 'No', multiline: true },
        ...(flags.length || referral.eligibility_reason
          ? [{ key: 'Why the referrer thinks CHOICE is still right for him', value: referral.eligibility_reason || 'No reason given', multiline: true }]
          : []),
      ],
    });
  }
  if (referral.information_request || referral.information_response) {
    sections.push({
      id: 'information',
      title: 'More information',
      rows: [
        { key: 'What CHOICE asked', value: referral.information_request ?? 'Nothing', multiline: true },
        { key: 'Answer', value: referral.information_response ?? 'Not answered yet', multiline: true },
      ],
    });
  }
  return sections;
}
