/**
 * What each referral answer is called on screen: one place, so the form, the check
 * your answers page and the case pages say the same thing.
 */
import type { ConsentAnswer, ContactOffenceAnswer, PersonSex, ReferralRoute } from '../../db/schema';
import type { MaterialKind, ReferralSection } from './sections';
import type { EndEarlyReason } from './case-machine';

export const SECTION_TITLES: Record<ReferralSection, string> = {
  person: 'About him',
  route: 'Route',
  offence: 'Offence',
  dates: 'Key date',
  risk: 'Risk',
  consent: 'His agreement',
  contact: 'Your contact details',
};

export const ROUTE_LABELS: Record<ReferralRoute, string> = {
  diversion: 'Diversion from prosecution',
  structured_deferred_sentence: 'Structured deferred sentence',
  community_payback_order: 'Community payback order with a programme requirement',
  other_community_order: 'Another community order',
  licence: 'Licence',
};

export const ROUTE_HINTS: Record<ReferralRoute, string> = {
  diversion: 'He has been charged and the fiscal is considering diversion instead of prosecution. We report back to the fiscal.',
  structured_deferred_sentence: 'He has been convicted and sentence is deferred. We report in time for your supplementary report to the court.',
  community_payback_order: 'A community payback order that requires him to attend a programme. We report to the supervising officer.',
  other_community_order: 'Any other community order. We report to the supervising officer.',
  licence: 'He is on licence after a prison sentence. We report to the supervising officer.',
};

export const SEX_LABELS: Record<PersonSex, string> = {
  male: 'Male',
  female: 'Female',
  another: 'Another description',
};

export const MATERIAL_LABELS: Record<MaterialKind, string> = {
  still_images: 'Still images',
  videos: 'Videos',
  pseudo_photographs: 'Computer-generated images or pseudo-photographs',
  other: 'Other material',
};

export const CONTACT_OFFENCE_LABELS: Record<ContactOffenceAnswer, string> = {
  none_known: 'No, none known',
  alleged: 'Yes, alleged but not proven',
  convicted: 'Yes, he has been convicted of one',
};

export const CONSENT_LABELS: Record<ConsentAnswer, string> = {
  given: 'Yes, he has agreed',
  not_given: 'No, he has not agreed yet',
  not_needed: 'His agreement is not needed on this route',
};

/** What he faces, by route: diversion is before any prosecution; every other route follows a conviction. */
export const chargesLabel = (route: ReferralRoute | null): string => (route === 'diversion' ? 'Charges' : route ? 'Convictions' : 'Charges or convictions');

/** Why a programme ended early, as the worker chooses it. */
export const END_EARLY_REASON_LABELS: Record<EndEarlyReason, { label: string; hint: string }> = {
  non_compliance: { label: 'He did not keep to the programme', hint: 'Non-compliance: for example, missed sessions without an acceptable reason.' },
  withdrawn: { label: 'He withdrew', hint: 'He chose to stop taking part.' },
  breached: { label: 'His order or licence was breached', hint: 'The court or the supervising officer has acted on a breach.' },
  returned_to_referrer: { label: 'The case is going back to the referrer', hint: 'For example, his circumstances changed and CHOICE is no longer the right service.' },
};
