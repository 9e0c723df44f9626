/**
 * The referral form, one section a page: a zod schema per section, the rules between
 * fields of a section, and the mapping to and from the referral's columns. Pure, so
 * the pages, the check-your-answers page and the unit tests all ask the same rules.
 *
 * A section is read in one of two modes. `complete` (Continue) needs every required
 * answer. `draft` (Save and come back later) needs nothing, but what is typed must
 * still be valid: the valid answers are saved and the others are shown again with
 * their messages, so nothing typed is lost.
 */
import { z } from 'zod';
import {
  CONSENT_ANSWERS,
  CONTACT_OFFENCE_ANSWERS,
  PERSON_SEXES,
  type ConsentAnswer,
  type ContactOffenceAnswer,
  type LegalStatus,
  type OrganisationKind,
  type PersonSex,
  type Referral,
  type ReferralRoute,
} from '../../db/schema';
import { EMAIL_PATTERN } from '../auth/forms';
import { DATE_PARTS, dayToParts, readDateParts, type DateParts } from './dates';
import type { ReferralDetails } from './details';
import { hardProblemsOf, ROUTES_FOR_ORGANISATION, ROUTES_NEEDING_CONSENT } from './eligibility';
import { chargesLabel } from './labels';
import { MATERIAL_KINDS, SECTION_FIELDS, type FieldKind, type ReferralSection } from './sections';

export { REFERRAL_SECTIONS, isReferralSection, MATERIAL_KINDS, nextSection, sectionFields, type MaterialKind, type ReferralSection } from './sections';

export interface FormContext {
  /** Today in Scotland, 'YYYY-MM-DD'. */
  today: string;
  organisationKind: OrganisationKind;
  /** The route already chosen, which words some questions and decides the consent answers. */
  route: ReferralRoute | null;
}

export type SaveMode = 'complete' | 'draft';

/** A posted form as plain data: each field's text, or all the values of a field sent more than once. */
export type FormInput = Record<string, string | string[]>;

/** Longest text kept from any one field, so a huge body cannot fill the page it is echoed on. */
const ECHO_MAX = 20_000;
const EARLIEST_DAY = '1900-01-01';

/** The columns a referral's forms read back. */
export type ReferralRow = Pick<Referral, keyof ReferralDetails>;

// ── Field schemas ────────────────────────────────────────────────────────────────────

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- tabs and line breaks belong in a long answer; other control characters do not
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

interface TextOptions {
  /** The message when it is empty and must not be, or false when it may be empty. */
  required: string | false;
  /** The field's name at the start of a sentence ("Full name must be …"). */
  label: string;
  max: number;
  multiline?: boolean;
}

/** A typed answer: trimmed, empty as null. */
function text({ required, label, max, multiline }: TextOptions) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = (raw ?? '').replace(/\r\n?/g, '\n').trim();
      if (!value) {
        if (required) ctx.addIssue({ code: 'custom', message: required });
        return null;
      }
      if (value.length > max) ctx.addIssue({ code: 'custom', message: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` });
      else if ((multiline ? TEXT_CONTROL : LINE_CONTROL).test(value)) {
        ctx.addIssue({ code: 'custom', message: `${label} must not contain ${multiline ? 'hidden characters' : 'tabs, line breaks or other hidden characters'}` });
      }
      return value;
    });
}

/** One of a set of answers (radios), or null when none was chosen. */
function choice<T extends string>(answers: readonly T[], required: string | false, invalid = required || 'Choose one of the answers') {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | null => {
      if (!raw) {
        if (required) ctx.addIssue({ code: 'custom', message: required });
        return null;
      }
      if (!answers.includes(raw as T)) {
        ctx.addIssue({ code: 'custom', message: invalid });
        return null;
      }
      return raw as T;
    });
}

/** Some of a set of answers (checkboxes), in the set's order. */
function choices<T extends string>(answers: readonly T[], required: string | false) {
  return z
    .array(z.string())
    .optional()
    .transform((raw, ctx): T[] | null => {
      const picked = answers.filter((answer) => raw?.includes(answer));
      if ((raw ?? []).some((value) => !answers.includes(value as T))) {
        ctx.addIssue({ code: 'custom', message: required || 'Choose from the answers shown' });
        return null;
      }
      if (!picked.length) {
        if (required) ctx.addIssue({ code: 'custom', message: required });
        return null;
      }
      return picked;
    });
}

type DateRule = 'past' | 'today-or-past' | 'today-or-future';

interface DateOptions {
  /** The message when all three boxes are empty and must not be. */
  required: string | false;
  /** The date's name at the start of a sentence ("Date of birth must …"). */
  label: string;
  rule: DateRule;
  today: string;
  /** The latest day allowed, with the message when it is later. */
  latest?: { day: string; message: string };
}

/** A GOV.UK date input (day, month and year boxes), as 'YYYY-MM-DD' or null. */
function date({ required, label, rule, today, latest }: DateOptions) {
  return z
    .object({ day: z.string().optional(), month: z.string().optional(), year: z.string().optional() })
    .optional()
    .transform((parts, ctx): string | null => {
      const read = readDateParts(parts, label);
      if (read.status === 'empty') {
        if (required) ctx.addIssue({ code: 'custom', message: required });
        return null;
      }
      if (read.status === 'invalid') {
        ctx.addIssue({ code: 'custom', message: read.message });
        return null;
      }
      const day = read.day;
      const problem =
        rule === 'past' && day >= today
          ? `${label} must be in the past`
          : rule === 'today-or-past' && day > today
            ? `${label} must be today or in the past`
            : rule === 'today-or-future' && day < today
              ? `${label} must be today or in the future`
              : day < EARLIEST_DAY
                ? `${label} must be after 1 January 1900`
                : latest && day > latest.day
                  ? latest.message
                  : null;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
      return problem ? null : day;
    });
}

const PHONE = /^\+?[0-9 ()-]{7,25}$/;

function phone(required: string | false, label: string) {
  return text({ required, label, max: 30 }).superRefine((value, ctx) => {
    if (value !== null && (!PHONE.test(value) || value.replace(/\D/g, '').length < 7)) {
      ctx.addIssue({ code: 'custom', message: `Enter a telephone number, like 0131 496 0000 or +44 7700 900 982` });
    }
  });
}

function email(required: string | false) {
  return text({ required, label: 'Email address', max: 320 }).superRefine((value, ctx) => {
    if (value !== null && !EMAIL_PATTERN.test(value)) ctx.addIssue({ code: 'custom', message: 'Enter an email address in the correct format, like name@example.com' });
  });
}

/** Two years ahead: further than any decision CHOICE could report for, so most likely a typing slip. */
function twoYearsAfter(day: string): string {
  const [y, m, d] = day.split('-');
  return `${Number(y) + 2}-${m}-${m === '02' && d === '29' ? '28' : d}`;
}

// ── Sections ─────────────────────────────────────────────────────────────────────────

type Shape = Record<string, z.ZodType>;
type Output<S extends Shape> = { [K in keyof S]: z.output<S[K]> };

interface SectionDefinition<S extends Shape> {
  /** The form fields, and how each is posted. */
  fields: Readonly<Record<keyof S & string, FieldKind>>;
  shape(ctx: FormContext, mode: SaveMode): S;
  /** Rules between the fields of the section, on the answers that are valid on their own. */
  check?(value: Partial<Output<S>>, ctx: FormContext, mode: SaveMode): Array<{ field: keyof S & string; message: string }>;
  toDetails(value: Partial<Output<S>>): ReferralDetails;
  fromRow(row: ReferralRow): FormInput;
}

const define = <S extends Shape>(definition: SectionDefinition<S>) => definition;

/** `required` when Continue is pressed, nothing when saving for later. */
const need = (mode: SaveMode, message: string) => (mode === 'complete' ? message : false);

/** A column only when the answer was read (absent means: leave the saved answer alone). */
function only<K extends string, V>(column: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [column]: value } as Record<K, V>);
}

const dateInput = (name: string, day: string | null | undefined): FormInput => {
  const parts = dayToParts(day);
  return { [`${name}-day`]: parts.day, [`${name}-month`]: parts.month, [`${name}-year`]: parts.year };
};

const person = define({
  fields: SECTION_FIELDS.person,
  shape: (ctx, mode) => ({
    personName: text({ required: need(mode, 'Enter his full name'), label: 'Full name', max: 200 }),
    dateOfBirth: date({ required: need(mode, 'Enter his date of birth'), label: 'Date of birth', rule: 'past', today: ctx.today }),
    personSex: choice(PERSON_SEXES, need(mode, 'Select his sex'), 'Select his sex'),
    personAddress: text({ required: need(mode, 'Enter his address'), label: 'Address', max: 500, multiline: true }),
    personPhone: phone(false, 'Telephone number'),
    personEmail: email(false),
    interpreterLanguage: text({ required: false, label: 'Interpreter language', max: 100 }),
    supportNeeds: text({ required: false, label: 'Support needs', max: 2_000, multiline: true }),
  }),
  check: (value, ctx, mode) => [
    // Under 18 is never a matter of judgement: said here, on the page that asks, not six pages later.
    ...hardProblemsOf({ dateOfBirth: value.dateOfBirth ?? null }, ctx).map((problem) => ({ field: 'dateOfBirth' as const, message: problem.message })),
    ...(mode === 'complete' && value.personPhone === null && value.personEmail === null
      ? [{ field: 'personPhone' as const, message: 'Enter a telephone number or an email address, so CHOICE can contact him' }]
      : []),
  ],
  toDetails: (v) => ({
    ...only('person_name', v.personName),
    ...only('person_date_of_birth', v.dateOfBirth),
    ...only('person_sex', v.personSex),
    ...only('person_address', v.personAddress),
    ...only('person_phone', v.personPhone),
    ...only('person_email', v.personEmail),
    ...only('interpreter_language', v.interpreterLanguage),
    ...only('support_needs', v.supportNeeds),
  }),
  fromRow: (row) => ({
    personName: row.person_name ?? '',
    ...dateInput('dateOfBirth', row.person_date_of_birth),
    personSex: row.person_sex ?? '',
    personAddress: row.person_address ?? '',
    personPhone: row.person_phone ?? '',
    personEmail: row.person_email ?? '',
    interpreterLanguage: row.interpreter_language ?? '',
    supportNeeds: row.support_needs ?? '',
  }),
});

/** Diversion is before any prosecution; every other route follows a conviction. */
export const legalStatusFor = (route: ReferralRoute): LegalStatus => (route === 'diversion' ? 'charged' : 'convicted');

const route = define({
  fields: SECTION_FIELDS.route,
  shape: (ctx, mode) => ({
    route: choice(ROUTES_FOR_ORGANISATION[ctx.organisationKind], need(mode, 'Select the route'), 'Select one of the routes shown'),
  }),
  toDetails: (v) => ({ ...only('route', v.route), ...(v.route === undefined ? {} : { legal_status: v.route === null ? null : legalStatusFor(v.route) }) }),
  fromRow: (row) => ({ route: row.route ?? '' }),
});

const offence = define({
  fields: SECTION_FIELDS.offence,
  shape: (ctx, mode) => ({
    charges: text({ required: need(mode, `Enter the ${chargesLabel(ctx.route).toLowerCase()}`), label: chargesLabel(ctx.route), max: 5_000, multiline: true }),
    offenceFrom: date({ required: need(mode, 'Enter the date the offending started'), label: 'Start date', rule: 'today-or-past', today: ctx.today }),
    offenceTo: date({ required: false, label: 'End date', rule: 'today-or-past', today: ctx.today }),
    materialKinds: choices(MATERIAL_KINDS, need(mode, 'Select the kinds of material')),
    materialDetails: text({ required: false, label: 'Description of the material', max: 5_000, multiline: true }),
    devices: text({ required: need(mode, 'Enter the devices and accounts used, or ‘Not known’'), label: 'Devices', max: 2_000, multiline: true }),
    contactOffence: choice(CONTACT_OFFENCE_ANSWERS, need(mode, 'Select whether there is any contact sexual offence'), 'Select whether there is any contact sexual offence'),
  }),
  check: (value, ctx, mode) => {
    const problems: Array<{ field: 'offenceTo' | 'materialDetails' | 'contactOffence'; message: string }> = [];
    for (const problem of hardProblemsOf({ contactOffence: value.contactOffence ?? null }, ctx)) problems.push({ field: 'contactOffence', message: problem.message });
    if (value.offenceFrom && value.offenceTo && value.offenceTo < value.offenceFrom) {
      problems.push({ field: 'offenceTo', message: 'End date must be the same as or after the start date' });
    }
    if (mode === 'complete' && value.materialKinds?.includes('other') && !value.materialDetails) {
      problems.push({ field: 'materialDetails', message: 'Describe the other material' });
    }
    return problems;
  },
  toDetails: (v) => ({
    ...only('charges', v.charges),
    ...only('offence_from', v.offenceFrom),
    ...only('offence_to', v.offenceTo),
    ...only('material_kinds', v.materialKinds),
    ...only('material_details', v.materialDetails),
    ...only('devices', v.devices),
    ...only('contact_offence', v.contactOffence),
  }),
  fromRow: (row) => ({
    charges: row.charges ?? '',
    ...dateInput('offenceFrom', row.offence_from),
    ...dateInput('offenceTo', row.offence_to),
    materialKinds: row.material_kinds ?? [],
    materialDetails: row.material_details ?? '',
    devices: row.devices ?? '',
    contactOffence: row.contact_offence ?? '',
  }),
});

/** What the decision date is, by route: the name at the start of its messages. */
export function decisionDateLabel(route: ReferralRoute | null): string {
  switch (route) {
    case 'diversion':
      return 'Decision date';
    case 'structured_deferred_sentence':
      return 'Court date';
    default:
      return 'Review or report date';
  }
}

const dates = define({
  fields: SECTION_FIELDS.dates,
  shape: (ctx, mode) => {
    const label = decisionDateLabel(ctx.route);
    return {
      decisionDate: date({
        required: need(mode, `Enter the ${label.toLowerCase()}`),
        label,
        rule: 'today-or-future',
        today: ctx.today,
        latest: { day: twoYearsAfter(ctx.today), message: `${label} must be within 2 years of today` },
      }),
    };
  },
  toDetails: (v) => only('decision_date', v.decisionDate),
  fromRow: (row) => dateInput('decisionDate', row.decision_date),
});

const risk = define({
  fields: SECTION_FIELDS.risk,
  shape: (_ctx, mode) => ({
    riskInformation: text({ required: need(mode, 'Enter what is known about risk, or ‘None known’'), label: 'Risk information', max: 5_000, multiline: true }),
  }),
  toDetails: (v) => only('risk_information', v.riskInformation),
  fromRow: (row) => ({ riskInformation: row.risk_information ?? '' }),
});

/** The consent answers a route allows: where consent is needed, "not needed" is not one. */
export const consentAnswersFor = (route: ReferralRoute | null): readonly ConsentAnswer[] =>
  route && ROUTES_NEEDING_CONSENT.includes(route) ? CONSENT_ANSWERS.filter((answer) => answer !== 'not_needed') : CONSENT_ANSWERS;

const consent = define({
  fields: SECTION_FIELDS.consent,
  shape: (ctx, mode) => ({
    consent: choice(consentAnswersFor(ctx.route), need(mode, 'Select whether he has agreed to the referral'), 'Select one of the answers shown'),
    consentDate: date({ required: false, label: 'Date he agreed', rule: 'today-or-past', today: ctx.today }),
  }),
  check: (value, ctx, mode) => [
    ...(mode === 'complete'
      ? hardProblemsOf({ route: ctx.route, consent: value.consent ?? null }, ctx)
          .filter((problem) => problem.rule === 'consent')
          .map((problem) => ({ field: 'consent' as const, message: problem.message }))
      : []),
    ...(mode === 'complete' && value.consent === 'given' && value.consentDate === null ? [{ field: 'consentDate' as const, message: 'Enter the date he agreed' }] : []),
  ],
  // A date is kept only with the answer it belongs to.
  toDetails: (v) => ({
    ...only('consent', v.consent),
    ...(v.consent === undefined ? {} : v.consent === 'given' ? only('consent_date', v.consentDate) : { consent_date: null }),
  }),
  fromRow: (row) => ({ consent: row.consent ?? '', ...dateInput('consentDate', row.consent_date) }),
});

const contact = define({
  fields: SECTION_FIELDS.contact,
  shape: (_ctx, mode) => ({ referrerPhone: phone(need(mode, 'Enter your telephone number'), 'Your telephone number') }),
  toDetails: (v) => only('referrer_phone', v.referrerPhone),
  fromRow: (row) => ({ referrerPhone: row.referrer_phone ?? '' }),
});

// Each definition is typed by its own fields; here they are looked up by name.
const SECTIONS = { person, route, offence, dates, risk, consent, contact } as unknown as Record<ReferralSection, SectionDefinition<Shape>>;

/** The section's zod schema: one object, one entry a field (date boxes grouped as `{ day, month, year }`). */
export function sectionSchema(section: ReferralSection, ctx: FormContext, mode: SaveMode) {
  return z.object(SECTIONS[section].shape(ctx, mode));
}

/** The posted names of a field: a date's three boxes, or the field itself. */
const postedNames = (name: string, kind: FieldKind) => (kind === 'date' ? DATE_PARTS.map((part) => `${name}-${part}`) : [name]);

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
const cap = (value: string) => value.slice(0, ECHO_MAX);

/** The form as a plain object: strings for single fields, every value of a repeated one. */
export function formInput(entries: Iterable<[string, unknown]>): FormInput {
  const input: FormInput = {};
  for (const [name, value] of entries) {
    if (typeof value !== 'string' || name.length > 100 || name === '__proto__') continue;
    const existing = Object.prototype.hasOwnProperty.call(input, name) ? input[name] : undefined;
    input[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return input;
}

export interface SectionReading {
  /** Every field read without a problem. */
  valid: boolean;
  /** The columns to save: the answers that are valid (all of them, or in draft mode the valid ones). */
  details: ReferralDetails;
  /** A message for each field with a problem, by field name. */
  errors: Record<string, string>;
  /** What was typed, to show again (only this section's fields). */
  values: FormInput;
}

/** Reads one section's answers in the given mode. Never throws, whatever was posted. */
export function readSection(section: ReferralSection, input: FormInput, ctx: FormContext, mode: SaveMode): SectionReading {
  const definition = SECTIONS[section];
  const shape = definition.shape(ctx, mode);
  const values: FormInput = {};
  const value: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [name, kind] of Object.entries(definition.fields) as Array<[string, FieldKind]>) {
    for (const posted of postedNames(name, kind)) {
      const raw = Object.prototype.hasOwnProperty.call(input, posted) ? input[posted] : undefined;
      if (raw !== undefined) values[posted] = kind === 'choices' ? (Array.isArray(raw) ? raw : [raw]).slice(0, 20).map(cap) : cap(first(raw) ?? '');
    }
    const typed =
      kind === 'date'
        ? Object.fromEntries(DATE_PARTS.map((part) => [part, first(input[`${name}-${part}`])]).filter(([, v]) => v !== undefined)) as DateParts
        : kind === 'choices'
          ? [input[name] ?? []].flat()
          : first(input[name]);
    const result = shape[name]!.safeParse(typed);
    if (result.success) value[name] = result.data;
    else errors[name] = result.error.issues[0]?.message ?? 'Check this answer';
  }
  for (const problem of definition.check?.(value, ctx, mode) ?? []) {
    if (errors[problem.field]) continue;
    errors[problem.field] = problem.message;
    delete value[problem.field];
  }
  const valid = Object.keys(errors).length === 0;
  return { valid, details: definition.toDetails(value), errors, values };
}

/** The form's values from the saved referral, to fill the page. */
export const sectionValuesFrom = (section: ReferralSection, row: ReferralRow): FormInput => SECTIONS[section].fromRow(row);

/** A section's problems as the saved referral stands (empty when the section is complete). */
export function sectionProblems(section: ReferralSection, row: ReferralRow, ctx: FormContext): Record<string, string> {
  return readSection(section, sectionValuesFrom(section, row), ctx, 'complete').errors;
}


export type { ConsentAnswer, ContactOffenceAnswer, PersonSex };

export const OUT_OF_DATE = 'This page is out of date. Reload it and try again';

/** The parts of a section's post that are not answers: the version the page showed, and which button was pressed. */
export const sectionPostForm = z.object({
  version: z.string({ error: OUT_OF_DATE }).regex(/^\d{1,9}$/, OUT_OF_DATE).transform(Number),
  intent: z.enum(['continue', 'save-later']).catch('continue'),
  returnTo: z.enum(['check-answers']).optional().catch(undefined),
});

/** The first value of a posted field. */
export const firstValue = (input: FormInput, name: string): string | undefined => {
  const value = Object.prototype.hasOwnProperty.call(input, name) ? input[name] : undefined;
  return Array.isArray(value) ? value[0] : value;
};
