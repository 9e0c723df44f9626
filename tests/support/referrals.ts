/**
 * Answers for the referral form's sections, as a referrer from a COPFS office would
 * post them (the diversion route), and small helpers to post them:
 *
 *   client.post(`/staff/referrals/${id}/details/person`, body(ANSWERS.person!, { version, intent: 'continue' }));
 *   { ...ANSWERS.person!, ...dateFields('dateOfBirth', -18) }   // his 18th birthday is today
 */
import { dayInScotland } from '../../modules/referrals/dates';

type Fields = Record<string, string | string[]>;

/** A day relative to today in Scotland, in a GOV.UK date input's three boxes. */
export function dateFields(name: string, years: number, days = 0): Record<string, string> {
  const [y, m, d] = dayInScotland().split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d + days));
  return { [`${name}-day`]: String(date.getUTCDate()), [`${name}-month`]: String(date.getUTCMonth() + 1), [`${name}-year`]: String(date.getUTCFullYear()) };
}

/** Complete, eligible answers for every section, by section. */
export const ANSWERS: Record<string, Fields> = {
  person: {
    personName: 'Alan Example',
    ...dateFields('dateOfBirth', -40),
    personSex: 'male',
    personAddress: '1 Example Street\nEdinburgh\nEH1 1AA',
    personPhone: '0131 496 0000',
    personEmail: '',
    interpreterLanguage: '',
    supportNeeds: '',
  },
  route: { route: 'diversion' },
  offence: {
    charges: 'Possession of indecent images of children, contrary to Section 52A of the Civic Government (Scotland) Act 1982',
    ...dateFields('offenceFrom', -1),
    ...dateFields('offenceTo', 0, -30),
    materialKinds: ['still_images', 'videos'],
    materialDetails: '',
    devices: 'A laptop and a phone',
    contactOffence: 'none_known',
  },
  dates: dateFields('decisionDate', 0, 90),
  risk: { riskInformation: 'Assessed by the police as low risk of contact offending.' },
  consent: { consent: 'given', ...dateFields('consentDate', 0, -7) },
  contact: { referrerPhone: '0131 496 0001' },
};

/** A section's answers and any other fields as form pairs (a list answer as one pair a value). */
export function body(fields: Fields, extra: Record<string, string> = {}): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) pairs.push([name, one]);
  for (const [name, value] of Object.entries(extra)) pairs.push([name, value]);
  return pairs;
}
