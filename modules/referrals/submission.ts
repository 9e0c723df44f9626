/**
 * Check your answers and sending the referral: what each section says, which sections
 * are not finished, what the eligibility rules say about him, and the SUBMIT step
 * itself, in one transaction with the eligibility reason and flags.
 */
import { z } from 'zod';
import type { Db } from '../../db/connection';
import type { CaseEventRow, Referral } from '../../db/schema';
import type { Executor } from '../audit/record';
import { formatDay } from './dates';
import { canSubmit, eligibilityProblems, type EligibilityProblem } from './eligibility';
import { decisionDateLabel, REFERRAL_SECTIONS, sectionProblems, type FormContext, type MaterialKind, type ReferralSection } from './forms';
import { chargesLabel, CONSENT_LABELS, CONTACT_OFFENCE_LABELS, MATERIAL_LABELS, ROUTE_LABELS, SECTION_TITLES, SEX_LABELS } from './labels';
import { transitionCase, type TransitionActor } from './transitions';

export const ELIGIBILITY_REASON_MAX = 2_000;

export interface AnswerRow {
  key: string;
  value: string;
  /** Typed text that keeps its own line breaks. */
  multiline?: boolean;
}

export interface ReviewSection {
  section: ReferralSection;
  title: string;
  rows: AnswerRow[];
  /** Messages for what is missing or no longer valid; empty when the section is finished. */
  problems: string[];
}

export interface ReferralReview {
  sections: ReviewSection[];
  incomplete: ReferralSection[];
  eligibility: EligibilityProblem[];
}

const NOT_ANSWERED = 'Not answered';
const or = (value: string | null | undefined, empty = NOT_ANSWERED) => (value && value.trim() ? value : empty);
const day = (value: string | null | undefined, empty = NOT_ANSWERED) => (value ? formatDay(value) : empty);
const label = <K extends string>(labels: Record<K, string>, value: K | null) => (value ? (labels[value] ?? value) : NOT_ANSWERED);

function rowsOf(section: ReferralSection, r: Referral): AnswerRow[] {
  switch (section) {
    case 'person':
      return [
        { key: 'Full name', value: or(r.person_name) },
        { key: 'Date of birth', value: day(r.person_date_of_birth) },
        { key: 'Sex', value: label(SEX_LABELS, r.person_sex) },
        { key: 'Address', value: or(r.person_address), multiline: true },
        { key: 'Telephone number', value: or(r.person_phone, 'None given') },
        { key: 'Email address', value: or(r.person_email, 'None given') },
        { key: 'Interpreter', value: or(r.interpreter_language, 'Not needed') },
        { key: 'Support needs', value: or(r.support_needs, 'None given'), multiline: true },
      ];
    case 'route':
      return [{ key: 'Route', value: label(ROUTE_LABELS, r.route) }];
    case 'offence': {
      const dates = r.offence_from && r.offence_to && r.offence_to !== r.offence_from ? `${formatDay(r.offence_from)} to ${formatDay(r.offence_to)}` : day(r.offence_from);
      const kinds = (r.material_kinds ?? []).map((kind) => MATERIAL_LABELS[kind as MaterialKind] ?? kind);
      return [
        { key: chargesLabel(r.route), value: or(r.charges), multiline: true },
        { key: 'When the offending happened', value: dates },
        { key: 'Kinds of material', value: kinds.length ? kinds.join('\n') : NOT_ANSWERED, multiline: true },
        { key: 'About the material', value: or(r.material_details, 'None given'), multiline: true },
        { key: 'Devices and accounts', value: or(r.devices), multiline: true },
        { key: 'Contact sexual offence', value: label(CONTACT_OFFENCE_LABELS, r.contact_offence) },
      ];
    }
    case 'dates':
      return [{ key: decisionDateLabel(r.route), value: day(r.decision_date) }];
    case 'risk':
      return [{ key: 'What is known about risk', value: or(r.risk_information), multiline: true }];
    case 'consent':
      return [
        { key: 'Has he agreed', value: label(CONSENT_LABELS, r.consent) },
        ...(r.consent === 'given' ? [{ key: 'Date he agreed', value: day(r.consent_date) }] : []),
      ];
    case 'contact':
      return [{ key: 'Your telephone number', value: or(r.referrer_phone) }];
  }
}

/** The referral as the check your answers page shows it. */
export function reviewReferral(referral: Referral, ctx: FormContext): ReferralReview {
  const sections = REFERRAL_SECTIONS.map((section) => ({
    section,
    title: SECTION_TITLES[section],
    rows: rowsOf(section, referral),
    problems: [...new Set(Object.values(sectionProblems(section, referral, ctx)))],
  }));
  const eligibility = eligibilityProblems(
    {
      dateOfBirth: referral.person_date_of_birth,
      sex: referral.person_sex,
      contactOffence: referral.contact_offence,
      route: referral.route,
      consent: referral.consent,
      organisationKind: ctx.organisationKind,
    },
    ctx.today,
  );
  return { sections, incomplete: sections.filter((s) => s.problems.length).map((s) => s.section), eligibility };
}

export const submitForm = z.object({
  version: z.string({ error: 'This page is out of date. Reload it and try again' }).regex(/^\d{1,9}$/, 'This page is out of date. Reload it and try again').transform(Number),
  eligibilityReason: z
    .string()
    .optional()
    .transform((value) => (value ?? '').replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .max(ELIGIBILITY_REASON_MAX, `Your reason must be ${ELIGIBILITY_REASON_MAX.toLocaleString('en-GB')} characters or fewer`)
        // eslint-disable-next-line no-control-regex -- tabs and line breaks are fine in a reason; other control characters are not
        .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), 'Your reason must not contain hidden characters'),
    ),
});

export type SubmitOutcome =
  | { status: 'submitted'; reference: string; version: number }
  | { status: 'incomplete'; sections: ReferralSection[] }
  | { status: 'ineligible'; blocking: EligibilityProblem[]; needsReason: boolean };

/**
 * Sends a draft to CHOICE when every section is finished and the eligibility rules
 * allow it: hard rules stop it; rules of judgement need a reason, and are recorded as
 * flags for the manager. The version is the one the person saw: if anyone saved since,
 * the step throws CaseConflictError and nothing is written.
 */
export async function submitReferral(
  db: Db,
  request: { referral: Referral; ctx: FormContext; expectedVersion: number; reason: string; actor: TransitionActor; now?: Date },
): Promise<SubmitOutcome> {
  const { referral, ctx } = request;
  const review = reviewReferral(referral, ctx);
  // A hard rule is said first: finishing the other sections would not change it.
  const hard = review.eligibility.filter((problem) => !problem.judgement);
  if (hard.length) return { status: 'ineligible', blocking: hard, needsReason: false };
  if (review.incomplete.length) return { status: 'incomplete', sections: review.incomplete };
  const judgement = review.eligibility.filter((problem) => problem.judgement);
  const reason = judgement.length ? request.reason : '';
  const allowed = canSubmit(review.eligibility, reason || null);
  if (!allowed.ok) return { status: 'ineligible', blocking: allowed.blocking, needsReason: allowed.needsReason };
  const result = await transitionCase(db, {
    referralId: referral.id,
    expectedVersion: request.expectedVersion,
    event: { type: 'SUBMIT' },
    actor: request.actor,
    changes: { eligibility_reason: reason || null, eligibility_flags: judgement.map((problem) => problem.rule) },
    now: request.now,
  });
  return { status: 'submitted', reference: referral.reference, version: result.version };
}

export interface ChangeLine {
  who: string;
  what: string;
  at: Date;
}

/** What others did since a page was opened, in words: for the "changed by someone else" message. */
export async function describeChanges(db: Executor, changes: CaseEventRow[], viewerId: string): Promise<ChangeLine[]> {
  const ids = [...new Set(changes.map((c) => c.actor_staff_user_id).filter((id): id is string => !!id))];
  const people = ids.length ? await db.selectFrom('staff_user').select(['id', 'full_name']).where('id', 'in', ids).execute() : [];
  const name = (id: string | null) => (id === viewerId ? 'You (in another tab or window)' : (people.find((p) => p.id === id)?.full_name ?? 'Someone'));
  return changes.map((change) => ({ who: name(change.actor_staff_user_id), what: changeWords(change), at: change.occurred_at }));
}

function changeWords(change: CaseEventRow): string {
  if (change.event === 'EDIT') {
    const section = REFERRAL_SECTIONS.find((s) => s === change.reason);
    return section ? `changed ‘${SECTION_TITLES[section]}’` : 'changed the referral';
  }
  if (change.event === 'SUBMIT') return 'sent the referral to CHOICE';
  return `moved the referral from ${(change.from_state ?? 'new').replace(/_/g, ' ')} to ${change.to_state.replace(/_/g, ' ')}`;
}
