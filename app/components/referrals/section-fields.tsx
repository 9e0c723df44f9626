/**
 * The questions of each section of the referral form. Each takes what to show (the
 * saved answers, or what was just typed) and the messages, by field name. The wording
 * is for busy professionals: what we need, in what form, and why where it is not obvious.
 */
import type { ReactNode } from 'react';
import { CONTACT_OFFENCE_ANSWERS, PERSON_SEXES, type ConsentAnswer, type ReferralRoute } from '#db/schema';
import { DATE_PARTS, type DatePart } from '#modules/referrals/dates';
import type { FormInput } from '#modules/referrals/forms';
import { isDateField, MATERIAL_KINDS, type ReferralSection } from '#modules/referrals/sections';
import { chargesLabel, CONSENT_LABELS, CONTACT_OFFENCE_LABELS, MATERIAL_LABELS, ROUTE_HINTS, ROUTE_LABELS, SEX_LABELS } from '#modules/referrals/labels';
import { DateInput, datePartId, datePartsInError } from '~/components/form/date-input';
import { Checkboxes, Radios, Textarea, TextInput } from '~/components/form/fields';

export interface SectionFieldsProps {
  values: FormInput;
  errors: Record<string, string>;
  route: ReferralRoute | null;
  routes: readonly ReferralRoute[];
  consentAnswers: readonly ConsentAnswer[];
  referrerEmail: string;
}

const one = (values: FormInput, name: string) => {
  const value = values[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};
const many = (values: FormInput, name: string) => [values[name] ?? []].flat();
const dateValues = (values: FormInput, name: string) => Object.fromEntries(DATE_PARTS.map((part) => [part, one(values, `${name}-${part}`)])) as Record<DatePart, string>;

/** Where the error summary's link for a field goes: the first wrong box of a date, or the field. */
export function errorHref(name: string, values: FormInput, error: string): string {
  if (!isDateField(name)) return name;
  return datePartId(name, datePartsInError(dateValues(values, name), error)[0] ?? 'day');
}

const DECISION_QUESTION: Record<'diversion' | 'structured_deferred_sentence' | 'other', { label: string; hint: string }> = {
  diversion: {
    label: 'When do you expect to decide whether to prosecute?',
    hint: 'We will report to you before this date. For example, 14 3 2027',
  },
  structured_deferred_sentence: {
    label: 'When will the court consider your supplementary report?',
    hint: 'The date sentence is deferred to. We will report to you in time for you to write it. For example, 14 3 2027',
  },
  other: {
    label: 'When is the next review or report due?',
    hint: 'We will report to the supervising officer in time for it. For example, 14 3 2027',
  },
};

function Person({ values, errors }: SectionFieldsProps) {
  return (
    <>
      <TextInput id="personName" name="personName" label="Full name" value={one(values, 'personName')} error={errors.personName} spellCheck={false} />
      <DateInput id="dateOfBirth" name="dateOfBirth" label="Date of birth" hint="For example, 27 3 1985" values={dateValues(values, 'dateOfBirth')} error={errors.dateOfBirth} />
      <Radios
        id="personSex"
        name="personSex"
        label="Sex"
        legendSize="s"
        inline
        value={one(values, 'personSex')}
        error={errors.personSex}
        options={PERSON_SEXES.map((sex) => ({ value: sex, label: SEX_LABELS[sex] }))}
      />
      <Textarea id="personAddress" name="personAddress" label="Address" hint="Include the postcode. If he has no fixed address, say where he can be reached." rows={4} value={one(values, 'personAddress')} error={errors.personAddress} />
      <TextInput
        id="personPhone"
        name="personPhone"
        label="Telephone number"
        hint="Give a telephone number, an email address or both, so CHOICE can contact him."
        type="tel"
        width="20"
        value={one(values, 'personPhone')}
        error={errors.personPhone}
      />
      <TextInput id="personEmail" name="personEmail" label="Email address" type="email" value={one(values, 'personEmail')} error={errors.personEmail} spellCheck={false} />
      <TextInput
        id="interpreterLanguage"
        name="interpreterLanguage"
        label="Interpreter (optional)"
        hint="If he needs an interpreter, the language. Leave blank if he does not."
        width="20"
        value={one(values, 'interpreterLanguage')}
        error={errors.interpreterLanguage}
      />
      <Textarea
        id="supportNeeds"
        name="supportNeeds"
        label="Support needs (optional)"
        hint="Anything that would help him take part, such as a disability, a health condition, difficulty reading, or caring responsibilities."
        rows={4}
        value={one(values, 'supportNeeds')}
        error={errors.supportNeeds}
      />
    </>
  );
}

function Route({ values, errors, routes }: SectionFieldsProps) {
  if (routes.length === 1) {
    const only = routes[0]!;
    return (
      <>
        <input type="hidden" name="route" value={only} />
        <p className="govuk-body" id="route">
          You are referring him under <strong>{ROUTE_LABELS[only].toLowerCase()}</strong>, the only route your organisation uses.
        </p>
        <p className="govuk-body">{ROUTE_HINTS[only]}</p>
        {errors.route ? (
          <p id="route-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {errors.route}
          </p>
        ) : null}
      </>
    );
  }
  return (
    <Radios
      id="route"
      name="route"
      label="Which route is this referral under?"
      legendSize="s"
      hint="This decides who we report to, and when."
      value={one(values, 'route')}
      error={errors.route}
      options={routes.map((route) => ({ value: route, label: ROUTE_LABELS[route], hint: ROUTE_HINTS[route] }))}
    />
  );
}

function Offence({ values, errors, route }: SectionFieldsProps) {
  const label = chargesLabel(route);
  return (
    <>
      <Textarea
        id="charges"
        name="charges"
        label={label}
        hint="Each one with the law it is under, such as section 52A of the Civic Government (Scotland) Act 1982."
        rows={4}
        value={one(values, 'charges')}
        error={errors.charges}
      />
      <DateInput
        id="offenceFrom"
        name="offenceFrom"
        label="When did the offending start?"
        hint="If you do not know the day, use the first of the month. For example, 1 6 2025"
        values={dateValues(values, 'offenceFrom')}
        error={errors.offenceFrom}
      />
      <DateInput
        id="offenceTo"
        name="offenceTo"
        label="When did it end? (optional)"
        hint="Leave blank if it all happened on one day."
        values={dateValues(values, 'offenceTo')}
        error={errors.offenceTo}
      />
      <Checkboxes
        id="materialKinds"
        name="materialKinds"
        label="What kinds of material were involved?"
        legendSize="s"
        hint="Select all that apply."
        values={many(values, 'materialKinds')}
        error={errors.materialKinds}
        options={MATERIAL_KINDS.map((kind) => ({ value: kind, label: MATERIAL_LABELS[kind] }))}
      />
      <Textarea
        id="materialDetails"
        name="materialDetails"
        label="About the material (optional)"
        hint="In general terms: how much there was, the ages of the children shown, and whether it was shared. Do not describe what the images show. If you selected other material, say what it was."
        rows={4}
        value={one(values, 'materialDetails')}
        error={errors.materialDetails}
      />
      <Textarea
        id="devices"
        name="devices"
        label="Devices and accounts used"
        hint="Such as a phone, laptop, cloud storage, messaging apps or social media accounts. Write ‘Not known’ if you do not know."
        rows={3}
        value={one(values, 'devices')}
        error={errors.devices}
      />
      <Radios
        id="contactOffence"
        name="contactOffence"
        label="Is there any contact sexual offence, past or present?"
        legendSize="s"
        hint="CHOICE is for men whose sexual offending is non-contact only."
        value={one(values, 'contactOffence')}
        error={errors.contactOffence}
        options={CONTACT_OFFENCE_ANSWERS.map((answer) => ({ value: answer, label: CONTACT_OFFENCE_LABELS[answer] }))}
      />
    </>
  );
}

function Dates({ values, errors, route }: SectionFieldsProps) {
  const question = DECISION_QUESTION[route === 'diversion' || route === 'structured_deferred_sentence' ? route : 'other'];
  return <DateInput id="decisionDate" name="decisionDate" label={question.label} hint={question.hint} values={dateValues(values, 'decisionDate')} error={errors.decisionDate} legendSize="m" />;
}

function Risk({ values, errors }: SectionFieldsProps) {
  return (
    <Textarea
      id="riskInformation"
      name="riskInformation"
      label="What is known about risk?"
      hint="Any risk assessment already done, previous convictions, his access to children at home, at work or in his free time, and any concern for his own safety. Write ‘None known’ if there is nothing."
      rows={8}
      value={one(values, 'riskInformation')}
      error={errors.riskInformation}
    />
  );
}

function Consent({ values, errors, consentAnswers }: SectionFieldsProps) {
  const needed = !consentAnswers.includes('not_needed');
  return (
    <>
      <Radios
        id="consent"
        name="consent"
        label="Has he agreed to this referral?"
        legendSize="s"
        hint={needed ? 'On this route he must agree before you make the referral.' : undefined}
        value={one(values, 'consent')}
        error={errors.consent}
        options={consentAnswers.map((answer) => ({ value: answer, label: CONSENT_LABELS[answer] }))}
      />
      <DateInput
        id="consentDate"
        name="consentDate"
        label="Date he agreed"
        hint="Only if he has agreed. For example, 2 11 2026"
        values={dateValues(values, 'consentDate')}
        error={errors.consentDate}
      />
    </>
  );
}

function Contact({ values, errors, referrerEmail }: SectionFieldsProps) {
  return (
    <TextInput
      id="referrerPhone"
      name="referrerPhone"
      label="Your telephone number"
      hint={`So CHOICE can call you about this referral. We will email you at ${referrerEmail}.`}
      type="tel"
      width="20"
      autoComplete="tel"
      value={one(values, 'referrerPhone')}
      error={errors.referrerPhone}
    />
  );
}

const FIELDS: Record<ReferralSection, (props: SectionFieldsProps) => ReactNode> = {
  person: Person,
  route: Route,
  offence: Offence,
  dates: Dates,
  risk: Risk,
  consent: Consent,
  contact: Contact,
};

export function SectionFields({ section, ...props }: SectionFieldsProps & { section: ReferralSection }) {
  const Fields = FIELDS[section];
  return <Fields {...props} />;
}
