import { describe, expect, it } from 'vitest';
import { ageOn, canSubmit, eligibilityProblems, type EligibilityFacts } from '../../../modules/referrals/eligibility';

const eligible: EligibilityFacts = {
  dateOfBirth: '1985-03-27',
  sex: 'male',
  contactOffence: 'none_known',
  route: 'diversion',
  consent: 'given',
  organisationKind: 'copfs_office',
};

const rules = (facts: Partial<EligibilityFacts>, day = '2026-11-23') => eligibilityProblems({ ...eligible, ...facts }, day).map((p) => `${p.rule}:${p.judgement ? 'judgement' : 'blocking'}`);

describe('who CHOICE is for', () => {
  it('has no problem with an eligible man', () => {
    expect(rules({})).toEqual([]);
  });

  it('counts him 18 from the first moment of his 18th birthday, and not the day before', () => {
    expect(ageOn('2008-11-23', '2026-11-23')).toBe(18);
    expect(ageOn('2008-11-23', '2026-11-22')).toBe(17);
    expect(rules({ dateOfBirth: '2008-11-23' }, '2026-11-23')).toEqual([]);
    expect(rules({ dateOfBirth: '2008-11-24' }, '2026-11-23')).toEqual(['age:blocking']);
    expect(rules({ dateOfBirth: '2008-12-01' }, '2026-11-30')).toEqual(['age:blocking']);
  });

  it('takes 1 March as the birthday of someone born on 29 February, in a year with no 29 February (Age of Legal Capacity (Scotland) Act 1991, s6)', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(rules({ dateOfBirth: '2008-02-29' }, '2026-02-28')).toEqual(['age:blocking']);
    expect(rules({ dateOfBirth: '2008-02-29' }, '2026-03-01')).toEqual([]);
  });

  it('leaves a referral of someone who is not a man to judgement, with a reason', () => {
    expect(rules({ sex: 'female' })).toEqual(['sex:judgement']);
    expect(rules({ sex: 'another' })).toEqual(['sex:judgement']);
  });

  it('stops a referral of a man convicted of a contact offence, and leaves an alleged one to judgement', () => {
    expect(rules({ contactOffence: 'convicted' })).toEqual(['contact-offence:blocking']);
    expect(rules({ contactOffence: 'alleged' })).toEqual(['contact-offence:judgement']);
  });

  it('needs his agreement on diversion and structured deferred sentences only', () => {
    expect(rules({ consent: 'not_given' })).toEqual(['consent:blocking']);
    expect(rules({ consent: null })).toEqual(['consent:blocking']);
    expect(rules({ organisationKind: 'justice_social_work', route: 'structured_deferred_sentence', consent: 'not_given' })).toEqual(['consent:blocking']);
    expect(rules({ organisationKind: 'justice_social_work', route: 'community_payback_order', consent: 'not_needed' })).toEqual([]);
    expect(rules({ organisationKind: 'justice_social_work', route: 'licence', consent: 'not_given' })).toEqual([]);
  });

  it('stops a route the organisation does not use', () => {
    expect(rules({ route: 'licence', consent: 'not_needed' })).toEqual(['route:blocking']);
    expect(rules({ organisationKind: 'justice_social_work', route: 'diversion' })).toEqual(['route:blocking']);
  });

  it('explains each problem in words', () => {
    for (const problem of eligibilityProblems({ ...eligible, dateOfBirth: '2010-01-01', sex: 'female', contactOffence: 'convicted', consent: 'not_given' }, '2026-11-23')) {
      expect(problem.message.length).toBeGreaterThan(40);
    }
  });

  it('sends only with no hard problem, and a reason for every matter of judgement', () => {
    const judgement = eligibilityProblems({ ...eligible, contactOffence: 'alleged' }, '2026-11-23');
    expect(canSubmit(judgement, null)).toEqual({ ok: false, blocking: [], needsReason: true });
    expect(canSubmit(judgement, '   ')).toMatchObject({ ok: false, needsReason: true });
    expect(canSubmit(judgement, 'The allegation was withdrawn.')).toEqual({ ok: true });
    const blocked = eligibilityProblems({ ...eligible, dateOfBirth: '2010-01-01' }, '2026-11-23');
    expect(canSubmit(blocked, 'Please')).toMatchObject({ ok: false, needsReason: false });
    expect(canSubmit([], null)).toEqual({ ok: true });
  });
});
