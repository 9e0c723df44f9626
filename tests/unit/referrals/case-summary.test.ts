import { describe, expect, it } from 'vitest';
import type { Referral } from '../../../db/schema';
import { caseSummary } from '../../../modules/referrals/case-summary';

const referral = {
  id: 'r',
  reference: 'CH-000001',
  state: 'submitted',
  route: 'diversion',
  person_name: 'Alan Example',
  person_date_of_birth: '1985-04-12',
  referrer_phone: '0131 496 0001',
  eligibility_flags: ['contact-offence'],
  eligibility_reason: 'The allegation was withdrawn.',
  information_request: null,
  information_response: null,
  material_kinds: null,
} as unknown as Referral;

const context = { organisationName: 'COPFS Edinburgh', organisationKind: 'copfs_office' as const, referrerName: 'Fiona Fiscal', now: new Date('2026-11-23T12:00:00Z') };

describe('the referral on its case page', () => {
  it('shows the referral’s sections, then who referred him with their phone number', () => {
    const sections = caseSummary(referral, { ...context, showEligibility: true });
    expect(sections.map((s) => s.id)).toEqual(['person', 'route', 'offence', 'dates', 'risk', 'consent', 'referrer', 'eligibility']);
    expect(sections.find((s) => s.id === 'person')!.rows[0]).toEqual({ key: 'Full name', value: 'Alan Example' });
    expect(sections.find((s) => s.id === 'referrer')!.rows).toEqual([
      { key: 'Organisation', value: 'COPFS Edinburgh' },
      { key: 'Referred by', value: 'Fiona Fiscal' },
      { key: 'Their telephone number', value: '0131 496 0001' },
    ]);
    expect(sections.find((s) => s.id === 'eligibility')!.rows.map((r) => r.value)).toEqual(['A contact offence is alleged', 'The allegation was withdrawn.']);
  });

  it('leaves the eligibility flags out for a programme worker, and adds CHOICE’s request when there is one', () => {
    const sections = caseSummary({ ...referral, information_request: 'His address?' }, { ...context, showEligibility: false });
    expect(sections.map((s) => s.id)).not.toContain('eligibility');
    expect(sections.at(-1)).toEqual({
      id: 'information',
      title: 'More information',
      rows: [
        { key: 'What CHOICE asked', value: 'His address?', multiline: true },
        { key: 'Answer', value: 'Not answered yet', multiline: true },
      ],
    });
  });
});
