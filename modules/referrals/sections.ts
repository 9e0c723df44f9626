/**
 * The referral form's sections and their fields, in page order: the shape of the form
 * without its rules, so pages can lay it out without loading the schemas (forms.ts).
 */

export const REFERRAL_SECTIONS = ['person', 'route', 'offence', 'dates', 'risk', 'consent', 'contact'] as const;
export type ReferralSection = (typeof REFERRAL_SECTIONS)[number];

export const isReferralSection = (value: string | undefined): value is ReferralSection => REFERRAL_SECTIONS.includes(value as ReferralSection);

/** How a field is posted: one value, several (checkboxes), or a date's day, month and year boxes (`<name>-day` …). */
export type FieldKind = 'text' | 'choices' | 'date';

export const SECTION_FIELDS = {
  person: {
    personName: 'text',
    dateOfBirth: 'date',
    personSex: 'text',
    personAddress: 'text',
    personPhone: 'text',
    personEmail: 'text',
    interpreterLanguage: 'text',
    supportNeeds: 'text',
  },
  route: { route: 'text' },
  offence: { charges: 'text', offenceFrom: 'date', offenceTo: 'date', materialKinds: 'choices', materialDetails: 'text', devices: 'text', contactOffence: 'text' },
  dates: { decisionDate: 'date' },
  risk: { riskInformation: 'text' },
  consent: { consent: 'text', consentDate: 'date' },
  contact: { referrerPhone: 'text' },
} as const satisfies Record<ReferralSection, Record<string, FieldKind>>;

/** The names of the section's fields, in page order (a date is one name for its three boxes). */
export const sectionFields = (section: ReferralSection): string[] => Object.keys(SECTION_FIELDS[section]);

/** Whether a field is a date (three boxes). */
export const isDateField = (name: string): boolean => Object.values(SECTION_FIELDS).some((fields) => (fields as Record<string, FieldKind>)[name] === 'date');

export const MATERIAL_KINDS = ['still_images', 'videos', 'pseudo_photographs', 'other'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** The section after this one, or null after the last. */
export function nextSection(section: ReferralSection): ReferralSection | null {
  return REFERRAL_SECTIONS[REFERRAL_SECTIONS.indexOf(section) + 1] ?? null;
}
