import { describe, expect, it } from 'vitest';
import type { Referral } from '../../../db/schema';
import { dayInScotland, readDateParts } from '../../../modules/referrals/dates';
import { consentAnswersFor, formInput, readSection, sectionProblems, sectionSchema, sectionValuesFrom, type FormContext, type FormInput } from '../../../modules/referrals/forms';
import { REFERRAL_SECTIONS } from '../../../modules/referrals/sections';

const TODAY = '2026-11-23';
const fiscal: FormContext = { today: TODAY, organisationKind: 'copfs_office', route: 'diversion' };
const socialWorker: FormContext = { today: TODAY, organisationKind: 'justice_social_work', route: 'community_payback_order' };

const date = (name: string, day: string, month: string, year: string): FormInput => ({ [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year });

const person: FormInput = {
  personName: 'Alan Example',
  ...date('dateOfBirth', '27', '3', '1985'),
  personSex: 'male',
  personAddress: '1 High Street\nEdinburgh EH1 1AA',
  personPhone: '0131 496 0000',
};

describe('the GOV.UK date input', () => {
  it('says which part is missing, in the GOV.UK words', () => {
    expect(readDateParts({ day: '27', year: '1985' }, 'Date of birth')).toEqual({ status: 'invalid', message: 'Date of birth must include a month', parts: ['month'] });
    expect(readDateParts({ month: '3' }, 'Date of birth')).toMatchObject({ message: 'Date of birth must include a day and year', parts: ['day', 'year'] });
    expect(readDateParts({ day: ' ', month: '', year: '' }, 'Date of birth')).toEqual({ status: 'empty' });
  });

  it('refuses days that do not exist, and two-figure years', () => {
    expect(readDateParts({ day: '30', month: '2', year: '1985' }, 'Date of birth')).toMatchObject({ message: 'Date of birth must be a real date' });
    expect(readDateParts({ day: '29', month: '2', year: '2026' }, 'Date of birth')).toMatchObject({ message: 'Date of birth must be a real date' });
    expect(readDateParts({ day: 'x', month: '2', year: '1985' }, 'Date of birth')).toMatchObject({ message: 'Date of birth must be a real date', parts: ['day'] });
    expect(readDateParts({ day: '1', month: '13', year: '1985' }, 'Date of birth')).toMatchObject({ message: 'Date of birth must be a real date', parts: ['month'] });
    expect(readDateParts({ day: '1', month: '2', year: '85' }, 'Date of birth')).toMatchObject({ message: 'The year of the date of birth must include 4 numbers', parts: ['year'] });
  });

  it('reads leap days, padded numbers and month names', () => {
    expect(readDateParts({ day: '29', month: '2', year: '2024' }, 'Date')).toEqual({ status: 'day', day: '2024-02-29' });
    expect(readDateParts({ day: '07', month: '03', year: '1985' }, 'Date')).toEqual({ status: 'day', day: '1985-03-07' });
    expect(readDateParts({ day: '7', month: 'Mar', year: '1985' }, 'Date')).toEqual({ status: 'day', day: '1985-03-07' });
  });

  it('knows today in Scotland, not in UTC', () => {
    // 00:30 on 1 July in Scotland (BST) is still 30 June in UTC.
    expect(dayInScotland(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(dayInScotland(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

describe('the sections of the referral form', () => {
  it('maps a complete section to the referral columns', () => {
    const reading = readSection('person', person, fiscal, 'complete');
    expect(reading.errors).toEqual({});
    expect(reading.details).toEqual({
      person_name: 'Alan Example',
      person_date_of_birth: '1985-03-27',
      person_sex: 'male',
      person_address: '1 High Street\nEdinburgh EH1 1AA',
      person_phone: '0131 496 0000',
      person_email: null,
      interpreter_language: null,
      support_needs: null,
    });
  });

  it('needs every required answer on Continue, with a message about each', () => {
    const reading = readSection('person', {}, fiscal, 'complete');
    expect(reading.valid).toBe(false);
    expect(reading.errors).toEqual({
      personName: 'Enter his full name',
      dateOfBirth: 'Enter his date of birth',
      personSex: 'Select his sex',
      personAddress: 'Enter his address',
      personPhone: 'Enter a telephone number or an email address, so CHOICE can contact him',
    });
  });

  it('asks for a way to contact him: a telephone number or an email address', () => {
    const { personPhone: _, ...noPhone } = person;
    expect(readSection('person', noPhone, fiscal, 'complete').errors).toEqual({ personPhone: 'Enter a telephone number or an email address, so CHOICE can contact him' });
    expect(readSection('person', { ...noPhone, personEmail: 'alan@example.com' }, fiscal, 'complete').valid).toBe(true);
  });

  it('needs nothing when saving for later, but saves only the answers that are valid, and keeps what was typed', () => {
    const typed = { personName: 'Alan', ...date('dateOfBirth', '27', '', '1985'), personPhone: 'call me' };
    const reading = readSection('person', typed, fiscal, 'draft');
    expect(reading.errors).toEqual({ dateOfBirth: 'Date of birth must include a month', personPhone: 'Enter a telephone number, like 0131 496 0000 or +44 7700 900 982' });
    expect(reading.details).toMatchObject({ person_name: 'Alan', person_sex: null });
    expect(reading.details).not.toHaveProperty('person_date_of_birth');
    expect(reading.details).not.toHaveProperty('person_phone');
    expect(reading.values).toEqual(typed);
  });

  it('wants a date of birth in the past, the offence in the past and in order, and the decision date today or later', () => {
    expect(readSection('person', { ...person, ...date('dateOfBirth', '23', '11', '2026') }, fiscal, 'complete').errors).toEqual({ dateOfBirth: 'Date of birth must be in the past' });
    expect(readSection('person', { ...person, ...date('dateOfBirth', '1', '1', '1899') }, fiscal, 'complete').errors).toEqual({ dateOfBirth: 'Date of birth must be after 1 January 1900' });
    const offence = {
      charges: 's52A possession',
      ...date('offenceFrom', '1', '6', '2025'),
      ...date('offenceTo', '1', '5', '2025'),
      materialKinds: ['still_images', 'videos'],
      devices: 'Phone',
      contactOffence: 'none_known',
    };
    expect(readSection('offence', offence, fiscal, 'complete').errors).toEqual({ offenceTo: 'End date must be the same as or after the start date' });
    expect(readSection('offence', { ...offence, ...date('offenceTo', '24', '11', '2026') }, fiscal, 'complete').errors).toEqual({ offenceTo: 'End date must be today or in the past' });
    expect(readSection('offence', { ...offence, ...date('offenceTo', '23', '11', '2026') }, fiscal, 'complete').details).toMatchObject({
      offence_from: '2025-06-01',
      offence_to: '2026-11-23',
      material_kinds: ['still_images', 'videos'],
    });
    expect(readSection('dates', date('decisionDate', '22', '11', '2026'), fiscal, 'complete').errors).toEqual({ decisionDate: 'Decision date must be today or in the future' });
    expect(readSection('dates', date('decisionDate', '23', '11', '2026'), fiscal, 'complete').details).toEqual({ decision_date: '2026-11-23' });
    expect(readSection('dates', date('decisionDate', '1', '1', '2029'), fiscal, 'complete').errors).toEqual({ decisionDate: 'Decision date must be within 2 years of today' });
    expect(readSection('dates', {}, { ...fiscal, route: 'structured_deferred_sentence' }, 'complete').errors).toEqual({ decisionDate: 'Enter the court date' });
  });

  it('takes the kinds of material as checkboxes, and wants a description of other material', () => {
    const base = { charges: 'x', ...date('offenceFrom', '1', '6', '2025'), devices: 'Phone', contactOffence: 'none_known' };
    expect(readSection('offence', { ...base }, fiscal, 'complete').errors).toEqual({ materialKinds: 'Select the kinds of material' });
    expect(readSection('offence', { ...base, materialKinds: 'other' }, fiscal, 'complete').errors).toEqual({ materialDetails: 'Describe the other material' });
    expect(readSection('offence', { ...base, materialKinds: ['videos', 'still_images', 'videos'] }, fiscal, 'complete').details.material_kinds).toEqual(['still_images', 'videos']);
    expect(readSection('offence', { ...base, materialKinds: ['videos', 'weapons'] }, fiscal, 'complete').errors).toEqual({ materialKinds: 'Select the kinds of material' });
  });

  it('offers only the routes of the referrer’s organisation, and sets the legal status from the route', () => {
    expect(readSection('route', { route: 'diversion' }, fiscal, 'complete').details).toEqual({ route: 'diversion', legal_status: 'charged' });
    expect(readSection('route', { route: 'licence' }, fiscal, 'complete').errors).toEqual({ route: 'Select one of the routes shown' });
    expect(readSection('route', { route: 'licence' }, socialWorker, 'complete').details).toEqual({ route: 'licence', legal_status: 'convicted' });
    expect(readSection('route', { route: 'diversion' }, socialWorker, 'complete').valid).toBe(false);
  });

  it('does not offer "not needed" for consent where the route needs it, and wants the date he agreed', () => {
    expect(consentAnswersFor('diversion')).toEqual(['given', 'not_given']);
    expect(consentAnswersFor('licence')).toEqual(['given', 'not_given', 'not_needed']);
    expect(readSection('consent', { consent: 'not_needed' }, fiscal, 'complete').valid).toBe(false);
    expect(readSection('consent', { consent: 'given' }, fiscal, 'complete').errors).toEqual({ consentDate: 'Enter the date he agreed' });
    expect(readSection('consent', { consent: 'given', ...date('consentDate', '24', '11', '2026') }, fiscal, 'complete').errors).toEqual({
      consentDate: 'Date he agreed must be today or in the past',
    });
    // A date typed with another answer is not kept: it belongs to "given" only.
    expect(readSection('consent', { consent: 'not_needed', ...date('consentDate', '1', '11', '2026') }, socialWorker, 'complete').details).toEqual({ consent: 'not_needed', consent_date: null });
  });

  it('refuses hidden characters and over-long answers, and never throws whatever is posted', () => {
    expect(readSection('person', { ...person, personName: 'Alan\u0000Example' }, fiscal, 'complete').errors.personName).toMatch(/hidden characters/);
    expect(readSection('risk', { riskInformation: 'Line one\n\tLine two' }, fiscal, 'complete').valid).toBe(true);
    expect(readSection('risk', { riskInformation: 'x'.repeat(5_001) }, fiscal, 'complete').errors).toEqual({ riskInformation: 'Risk information must be 5,000 characters or fewer' });
    const hostile = formInput([
      ['personName', 'A'],
      ['personName', 'B'],
      ['__proto__', 'x'],
      ['dateOfBirth-day', '1e3'],
      ['materialKinds', '\ud800'],
    ]);
    for (const section of REFERRAL_SECTIONS) {
      for (const mode of ['complete', 'draft'] as const) expect(() => readSection(section, hostile, fiscal, mode)).not.toThrow();
    }
    expect(readSection('person', hostile, fiscal, 'draft').details.person_name).toBe('A');
  });

  it('fills a page from the saved referral, and a saved section reads back as complete', () => {
    const saved = readSection('person', person, fiscal, 'complete').details;
    const row = { ...saved } as unknown as Referral;
    expect(sectionValuesFrom('person', row)).toMatchObject({ personName: 'Alan Example', 'dateOfBirth-day': '27', 'dateOfBirth-month': '3', 'dateOfBirth-year': '1985' });
    expect(sectionProblems('person', row, fiscal)).toEqual({});
    expect(sectionProblems('risk', { risk_information: null } as Referral, fiscal)).toEqual({ riskInformation: 'Enter what is known about risk, or ‘None known’' });
  });

  it('has one zod schema a section', () => {
    for (const section of REFERRAL_SECTIONS) expect(Object.keys(sectionSchema(section, fiscal, 'complete').shape).length).toBeGreaterThan(0);
  });
});
