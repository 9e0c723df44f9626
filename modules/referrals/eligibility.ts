/**
 * Who CHOICE is for, and which routes each kind of referrer may use. Pure functions:
 * the referral form, the check-your-answers page and the manager's screening all ask
 * these, and unit tests pin them down.
 *
 * Some rules are facts the service cannot work around (the man must be 18 or over on
 * the day of the referral; a diversion needs his agreement). Others are matters of
 * judgement: a referrer may still submit, giving a reason, and the manager sees a flag.
 */
import type { ConsentAnswer, ContactOffenceAnswer, OrganisationKind, PersonSex, ReferralRoute } from '../../db/schema';

export const ROUTES_FOR_ORGANISATION: Record<OrganisationKind, readonly ReferralRoute[]> = {
  copfs_office: ['diversion'],
  justice_social_work: ['structured_deferred_sentence', 'community_payback_order', 'other_community_order', 'licence'],
  choice_service: [],
};

/** Routes where the man must agree to the referral before it is made. */
export const ROUTES_NEEDING_CONSENT: readonly ReferralRoute[] = ['diversion', 'structured_deferred_sentence'];

export type EligibilityRule = 'age' | 'sex' | 'contact-offence' | 'consent' | 'route';

export interface EligibilityProblem {
  rule: EligibilityRule;
  /** True where a referrer may still submit, with a reason, for the manager to weigh. */
  judgement: boolean;
  message: string;
}

export interface EligibilityFacts {
  dateOfBirth: string | null;
  sex: PersonSex | null;
  contactOffence: ContactOffenceAnswer | null;
  route: ReferralRoute | null;
  consent: ConsentAnswer | null;
  organisationKind: OrganisationKind;
}

/** Whole years between a date of birth and a day, both 'YYYY-MM-DD'. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function eligibilityProblems(facts: EligibilityFacts, referralDay: string): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  if (facts.route && !ROUTES_FOR_ORGANISATION[facts.organisationKind].includes(facts.route)) {
    problems.push({ rule: 'route', judgement: false, message: 'Your organisation cannot refer under this route. Choose one of the routes offered.' });
  }
  if (facts.dateOfBirth && ageOn(facts.dateOfBirth, referralDay) < 18) {
    problems.push({
      rule: 'age',
      judgement: false,
      message: 'CHOICE is for adults. He must be 18 or over on the day of the referral. For a young person, contact your local children and families social work team.',
    });
  }
  if (facts.sex && facts.sex !== 'male') {
    problems.push({
      rule: 'sex',
      judgement: true,
      message: 'CHOICE is designed for men. If you still think it is the right programme, say why: the manager will consider it.',
    });
  }
  if (facts.contactOffence === 'convicted') {
    problems.push({
      rule: 'contact-offence',
      judgement: false,
      message: 'CHOICE is for non-contact offences only. Someone convicted of a contact sexual offence needs a programme for that, such as Moving Forward: Making Changes.',
    });
  } else if (facts.contactOffence === 'alleged') {
    problems.push({
      rule: 'contact-offence',
      judgement: true,
      message: 'CHOICE is for non-contact offences only. If a contact offence is alleged but not proven, say why you think CHOICE is still suitable.',
    });
  }
  if (facts.route && ROUTES_NEEDING_CONSENT.includes(facts.route) && facts.consent !== 'given') {
    problems.push({
      rule: 'consent',
      judgement: false,
      message: 'On this route he must agree to the referral before you make it. Record his agreement and the date he gave it.',
    });
  }
  return problems;
}

/** Whether a referral can be submitted: no hard problem, and a reason for every judgement one. */
export function canSubmit(problems: EligibilityProblem[], reason: string | null): { ok: true } | { ok: false; blocking: EligibilityProblem[]; needsReason: boolean } {
  const blocking = problems.filter((p) => !p.judgement);
  const needsReason = problems.some((p) => p.judgement) && !(reason && reason.trim().length > 0);
  return blocking.length || needsReason ? { ok: false, blocking, needsReason } : { ok: true };
}

/**
 * The hard rules one section's answers break, for the section that asks them: the same
 * rules, words and order as at check-answers and on sending, so the referrer hears it
 * where they can still change the answer. Judgement rules wait for check-answers,
 * where the reason is asked.
 */
export function hardProblemsOf(answers: Partial<EligibilityFacts>, context: { organisationKind: OrganisationKind; today: string }): EligibilityProblem[] {
  const facts: EligibilityFacts = { dateOfBirth: null, sex: null, contactOffence: null, route: null, consent: null, ...answers, organisationKind: context.organisationKind };
  return eligibilityProblems(facts, context.today).filter((problem) => !problem.judgement);
}
